import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import type { Statement } from '../extract/statement.js';
import { createExtractor } from '../ingest/extractor.js';
import { articleFromFile, readTextFile } from '../ingest/read-file.js';
import { createLogger } from '../log.js';
import { loadStartupConfig } from './startup-config.js';

const USAGE = `Usage: npm run --silent extract -- FILE...
  Prints the statements found in each file, one JSON object a line (the offline rules; merged with
  Claude's findings when ANTHROPIC_API_KEY is set and EXTRACTOR is auto or claude):
  {file, quote, speaker, kind, actor, topic, stance, about_actor, start, end, speaker_role, confidence}.
  FILE: a .md (YAML front matter: title, url, published, outlet, then the body), .txt or .html file.
  Writes nothing to the database. Exit code 1 when a file could not be read.
`;

/** One output line in the scorer's snake_case shape. */
export function toJsonLine(file: string, s: Statement): string {
	return JSON.stringify({
		file,
		quote: s.quote,
		speaker: s.speaker,
		kind: s.kind,
		actor: s.actor,
		topic: s.topic,
		stance: s.stance,
		about_actor: s.aboutActor,
		start: s.start,
		end: s.end,
		speaker_role: s.speakerRole,
		confidence: s.confidence,
	});
}

function parseCli(): { help: boolean; files: string[] } {
	try {
		const { values, positionals } = parseArgs({
			options: { help: { type: 'boolean', short: 'h' } },
			allowPositionals: true,
		});
		return { help: values.help ?? false, files: positionals };
	} catch (err) {
		process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
		process.exit(2);
	}
}

async function main(): Promise<number> {
	const args = parseCli();
	if (args.help) {
		process.stdout.write(USAGE);
		return 0;
	}
	if (args.files.length === 0) {
		process.stderr.write(`No files given.\n\n${USAGE}`);
		return 2;
	}
	const config = loadStartupConfig();
	if (!config) return 2;
	const log = createLogger(config);
	// Nothing is written to a database here, so Claude's findings are cached for this run only.
	const cached = new Map<string, unknown[]>();
	const extractor = createExtractor(config, log, {
		extractions: {
			get: async (key) => cached.get(key) ?? null,
			set: async (key, findings) => void cached.set(key, findings),
		},
	});
	let failed = 0;
	for (const file of args.files) {
		try {
			const fields = articleFromFile(file, await readTextFile(file, config.ingest.maxBytes));
			const article = { title: fields.title, body: fields.body, published: fields.published };
			const extracted = await extractor.extract(article);
			const statements = Array.isArray(extracted) ? extracted : extracted.statements;
			const lines = statements.map((s) => toJsonLine(file, s));
			if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
		} catch (err) {
			failed++;
			if (err instanceof UserError) process.stderr.write(`${err.message}\n`);
			else {
				log.error({ err, file }, 'extraction failed');
				process.stderr.write(`${file}: extraction failed (a bug; see the log above)\n`);
			}
		}
	}
	if (failed > 0) process.stderr.write(`${failed} of ${args.files.length} files could not be read.\n`);
	return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
