import { commands } from '../commands/index.js';
import { syncActors } from './actors/sync.js';
import { answerThreadFollowUp } from './answer/thread-follow-up.js';
import { loadStartupConfig } from './cli/startup-config.js';
import type { Deps } from './deps.js';
import { attachBot } from './discord/bot.js';
import { createClient } from './discord/client.js';
import { createExtractor } from './ingest/extractor.js';
import { createLlm } from './llm/create.js';
import { createLogger } from './log.js';
import { openStore } from './store/open.js';

// How long shutdown waits for in-flight replies before closing anyway (a deferred reply stays valid 15 min,
// but a supervisor usually kills after ~10-30 s).
const SHUTDOWN_GRACE_MS = 15_000;

// `npm start`: config → logger → store → model → Discord client → login; SIGINT/SIGTERM finish in-flight
// replies and close the store. Commands are registered separately (`npm run deploy-commands`), never here.
async function main(): Promise<number> {
	const config = loadStartupConfig();
	if (!config) return 1;
	const token = config.discord.token;
	if (!token) {
		process.stderr.write(
			'DISCORD_TOKEN is not set, so the Discord bot cannot log in.\n' +
				'Set it in .env (see .env.example), or try Attaché without Discord: `npm run demo`.\n',
		);
		return 1;
	}
	const log = createLogger(config);
	const store = await openStore(config.databaseUrl, log);
	await syncActors(store).catch((err: unknown) => log.warn({ err }, 'actor mirror not refreshed'));
	const deps: Deps = {
		config,
		log,
		store,
		llm: createLlm(config.anthropic, log),
		now: () => new Date(),
		extract: createExtractor(config, log, store),
	};
	const client = createClient(config);
	const bot = attachBot(client, { commands, deps, answerFollowUp: answerThreadFollowUp });
	log.info(
		{ store: store.describe(), llm: deps.llm ? config.anthropic.model : 'none (extractive answers)' },
		'starting',
	);

	let stopping: Promise<void> | null = null;
	const shutdown = (signal: string) => {
		stopping ??= (async () => {
			log.info({ signal }, 'shutting down: finishing in-flight replies');
			await bot.stop(SHUTDOWN_GRACE_MS);
			await client.destroy();
			await store.close();
			log.info('stopped');
		})();
		return stopping;
	};
	const exitOn = (signal: NodeJS.Signals) =>
		process.once(signal, () => {
			shutdown(signal).then(
				() => process.exit(0),
				(err: unknown) => {
					log.error({ err }, 'shutdown failed');
					process.exit(1);
				},
			);
		});
	exitOn('SIGINT');
	exitOn('SIGTERM');

	try {
		await client.login(token);
	} catch (err) {
		log.fatal({ err }, 'discord login failed (check DISCORD_TOKEN and DISCORD_API_URL)');
		await shutdown('login failure');
		return 1;
	}
	return 0;
}

const code = await main();
if (code !== 0) process.exitCode = code;
