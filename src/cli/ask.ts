import { parseArgs } from 'node:util';
import { parseStanceLine } from '../answer/one-line.js';
import type { StanceQuery } from '../answer/query.js';
import { answerStance } from '../answer/stance.js';
import { ConfigError, loadConfig } from '../config.js';
import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import { createLlm } from '../llm/create.js';
import { createLogger } from '../log.js';
import { openStore } from '../store/open.js';
import { briefingJson, renderBriefingText } from './render-briefing.js';

const USAGE = `Usage: npm run ask -- [--json] "/stance ACTOR TOPIC"
       npm run ask -- [--json] --actor ACTOR --topic TOPIC [--since YYYY-MM-DD] [--until YYYY-MM-DD]
  Briefs you on what ACTOR (a country, organisation or office-holder: "russia", "uk", "kremlin")
  said on TOPIC, with verbatim quotes from the stored articles.
  In the one-line form the longest actor name that starts the text wins ("united states peace talks").
  --json   print the answer as one JSON object (stance, summary, citations, claims).
  --strong summarise with ANTHROPIC_MODEL_STRONG instead of ANTHROPIC_MODEL (when a key is set).
`;

type Cli = { query: StanceQuery; json: boolean };

function parseCli(argv: string[]): Cli | 'help' {
	let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
	const options = {
		json: { type: 'boolean' },
		strong: { type: 'boolean' },
		actor: { type: 'string' },
		topic: { type: 'string' },
		since: { type: 'string' },
		until: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	} as const;
	try {
		parsed = parseArgs({ args: argv, options, allowPositionals: true });
	} catch (err) {
		throw new UserError(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
	}
	const { values, positionals } = parsed;
	if (values.help) return 'help';
	const extra = { since: values.since ?? null, until: values.until ?? null, strong: values.strong ?? false };
	if (values.actor !== undefined || values.topic !== undefined) {
		if (positionals.length > 0)
			throw new UserError(`Give either "/stance ACTOR TOPIC" or --actor and --topic, not both.\n\n${USAGE}`);
		if (!values.actor || !values.topic) throw new UserError(`--actor and --topic go together.\n\n${USAGE}`);
		return { json: values.json ?? false, query: { actor: values.actor, topic: values.topic, ...extra } };
	}
	if (positionals.length === 0) throw new UserError(`Nothing to ask.\n\n${USAGE}`);
	return { json: values.json ?? false, query: { ...parseStanceLine(positionals.join(' ')), ...extra } };
}

async function main(): Promise<number> {
	let cli: Cli | 'help';
	let config: ReturnType<typeof loadConfig>;
	try {
		cli = parseCli(process.argv.slice(2));
		if (cli === 'help') {
			process.stdout.write(USAGE);
			return 0;
		}
		config = loadConfig();
	} catch (err) {
		if (err instanceof UserError || err instanceof ConfigError) {
			process.stderr.write(`${err.message}\n`);
			return 1;
		}
		throw err;
	}
	const log = createLogger(config);
	let store: Deps['store'];
	try {
		store = await openStore(config.databaseUrl, log);
	} catch (err) {
		process.stderr.write(
			`Cannot open the database (${config.databaseUrl}): ${err instanceof Error ? err.message : err}\n`,
		);
		return 1;
	}
	try {
		const deps: Deps = { config, log, store, llm: createLlm(config.anthropic, log), now: () => new Date() };
		const briefing = await answerStance(cli.query, deps);
		process.stdout.write(cli.json ? `${JSON.stringify(briefingJson(briefing))}\n` : renderBriefingText(briefing));
		return 0;
	} catch (err) {
		if (err instanceof UserError) {
			process.stderr.write(`${err.message}\n`);
			return 1;
		}
		log.error({ err }, 'ask failed');
		process.stderr.write('Something went wrong answering this; the log above has the details.\n');
		return 2;
	} finally {
		await store.close();
	}
}

process.exitCode = await main();
