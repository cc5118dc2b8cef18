import { type Config, ConfigError, loadConfig } from '../config.js';
import { UserError } from '../errors.js';
import { checkExtractorConfig } from '../ingest/extractor.js';

/**
 * Loads and checks the configuration an entry point runs on (including EXTRACTOR=claude without a key,
 * before any database is opened); on a bad environment, explains it on stderr and returns null.
 */
export function loadStartupConfig(...args: Parameters<typeof loadConfig>): Config | null {
	try {
		const config = loadConfig(...args);
		checkExtractorConfig(config);
		return config;
	} catch (err) {
		if (!(err instanceof ConfigError || err instanceof UserError)) throw err;
		process.stderr.write(`${err.message}\n`);
		return null;
	}
}
