import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseStanceLine } from '../answer/one-line.js';
import { answerStance } from '../answer/stance.js';
import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import { createExtractor } from '../ingest/extractor.js';
import { ingestSources } from '../ingest/ingest.js';
import { createLlm } from '../llm/create.js';
import { createLogger } from '../log.js';
import { openStore } from '../store/open.js';
import { formatSummary, summarize } from './ingest-report.js';
import { renderBriefingText } from './render-briefing.js';
import { loadStartupConfig } from './startup-config.js';

// The main job end to end with no tokens and no server: a fresh embedded database in a temporary
// folder (never ./data), the sample articles, then a briefing. `npm run demo -- "/stance usa peace talks"`
// asks something else.
const SAMPLES = resolve(import.meta.dirname, '../../samples');
const DEFAULT_QUESTION = '/stance russia peacekeepers';

async function main(): Promise<number> {
	const question = process.argv.slice(2).join(' ').trim() || DEFAULT_QUESTION;
	const folder = mkdtempSync(join(tmpdir(), 'attache-demo-'));
	const config = loadStartupConfig({ DATABASE_URL: `file:${join(folder, 'db')}` }, { LOG_LEVEL: 'warn' });
	if (!config) {
		rmSync(folder, { recursive: true, force: true });
		return 1;
	}
	const log = createLogger(config);
	const store = await openStore(config.databaseUrl, log);
	try {
		const deps: Deps = { config, log, store, llm: createLlm(config.anthropic, log), now: () => new Date() };
		const results = await ingestSources([SAMPLES], { ...deps, extract: createExtractor(config, log, store) });
		for (const failed of results.filter((r) => !r.ok)) process.stderr.write(`${failed.error}\n`);
		process.stdout.write(`Attaché demo: a temporary embedded database, the articles in samples/.\n`);
		process.stdout.write(`Ingested ${formatSummary(summarize(results))}.\n`);
		process.stdout.write(`Asked: ${question}\n\n`);
		const briefing = await answerStance(parseStanceLine(question), deps);
		process.stdout.write(renderBriefingText(briefing));
		return 0;
	} catch (err) {
		if (!(err instanceof UserError)) throw err;
		process.stderr.write(`${err.message}\n`);
		return 1;
	} finally {
		await store.close();
		rmSync(folder, { recursive: true, force: true });
	}
}

process.exitCode = await main();
