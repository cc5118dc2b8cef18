import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { syncActors } from '../actors/sync.js';
import { createExtractor } from '../ingest/extractor.js';
import { type IngestProgress, ingestSources } from '../ingest/ingest.js';
import { createLogger } from '../log.js';
import { openStore } from '../store/open.js';
import { formatSummary, summarize } from './ingest-report.js';
import { loadStartupConfig } from './startup-config.js';

const USAGE = `Usage: npm run ingest -- [--json] PATH_OR_URL...
  Stores articles and their statements in the database named by DATABASE_URL.
  PATH: a .md (YAML front matter: title, url, published, outlet), .txt, .html or RSS/Atom file,
        or a directory (its .md, .txt and .html files).
  URL:  an http(s) article page or an RSS/Atom feed (each item is fetched).
  --json  print {results, summary} as JSON instead of the one-line summary.
`;

function fail(message: string, code: number): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

function parseCli(): { json: boolean; help: boolean; sources: string[] } {
	try {
		const { values, positionals } = parseArgs({
			options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
			allowPositionals: true,
		});
		return { json: values.json ?? false, help: values.help ?? false, sources: positionals };
	} catch (err) {
		fail(`${err instanceof Error ? err.message : err}\n\n${USAGE}`, 2);
	}
}

async function main(): Promise<number> {
	const args = parseCli();
	if (args.help) {
		process.stdout.write(USAGE);
		return 0;
	}
	if (args.sources.length === 0) fail(`Nothing to ingest.\n\n${USAGE}`, 2);

	const config = loadStartupConfig() ?? process.exit(2);
	const log = createLogger(config);
	const store = await openStore(config.databaseUrl, log).catch((err: unknown) =>
		fail(`Cannot open the database (${config.databaseUrl}): ${err instanceof Error ? err.message : err}`, 1),
	);
	// The mirror serves SQL-side actor lookups; a failure to refresh it must not stop the ingest.
	await syncActors(store).then(
		({ changed, actors }) => changed && log.info({ actors }, 'actor mirror refreshed'),
		(err: unknown) => log.error({ err }, 'actor mirror sync failed'),
	);
	const extract = createExtractor(config, log, store);

	// The bar only on a terminal: piped stderr (CI, the eval scorer) gets the failures and nothing else.
	const bar = process.stderr.isTTY
		? new SingleBar({
				format: 'ingest [{bar}] {value}/{total} {source}',
				stream: process.stderr,
				hideCursor: true,
				clearOnComplete: true,
			})
		: null;
	const failures: string[] = [];
	const onProgress = ({ done, total, result }: IngestProgress) => {
		if (!result.ok && result.error) {
			// With a bar, failures wait until it is gone, so they are not drawn over.
			if (bar) failures.push(result.error);
			else process.stderr.write(`${result.error}\n`);
		}
		if (bar) {
			if (done === 1) bar.start(total, 0, { source: '' });
			bar.setTotal(total);
			bar.update(done, { source: result.source.slice(-50) });
		}
	};
	try {
		const results = await ingestSources(args.sources, { store, log, config, extract }, onProgress, 'cli');
		bar?.stop();
		if (bar) for (const message of failures) process.stderr.write(`${message}\n`);
		const summary = summarize(results);
		const lean = results.map(({ extracted: _omit, ...r }) => r);
		if (args.json) process.stdout.write(`${JSON.stringify({ results: lean, summary })}\n`);
		else process.stdout.write(`${formatSummary(summary)}\n`);
		return summary.failed > 0 ? 1 : 0;
	} finally {
		bar?.stop();
		// Always release the PGlite folder lock, even when ingest throws.
		await store.close();
	}
}

process.exitCode = await main();
