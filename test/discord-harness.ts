import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { answerThreadFollowUp } from '../src/answer/thread-follow-up.js';
import { parseConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { attachBot, type Bot } from '../src/discord/bot.js';
import { createClient } from '../src/discord/client.js';
import type { Command } from '../src/discord/command.js';
import type { AnswerFollowUp } from '../src/discord/threads.js';

type Client = ReturnType<typeof createClient>;

import type { Llm } from '../src/llm/llm.js';
import type { Store } from '../src/store/store.js';
import { FakeDiscord } from './fake-discord/fake-discord.js';

/** A log line as pino wrote it. */
export type LogLine = { level: number; msg: string; err?: { message: string; type: string }; [key: string]: unknown };

/** A pino logger that keeps every line in `lines`, so tests can assert what was logged. */
export function createCapturingLogger(): { log: Deps['log']; lines: LogLine[] } {
	const lines: LogLine[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _enc, done) {
			for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
			done();
		},
	});
	return { log: pino({ level: 'debug' }, stream), lines };
}

/** A running bot: the fake Discord, a real logged-in Client, our handlers, and the deps they use. */
export type Harness = {
	fake: FakeDiscord;
	client: Client;
	bot: Bot;
	deps: Deps;
	logs: LogLine[];
	/** Resolves with the first log line matching `pred` (polling; fails after 15 s). */
	waitForLog(pred: (line: LogLine) => boolean): Promise<LogLine>;
	/** Logs in a new Client with the same store and fake (a bot restart). */
	restart(): Promise<void>;
	stop(): Promise<void>;
};

/** Starts a fake Discord and logs a real discord.js Client in to it with Attaché's handlers. */
export async function startHarness(input: {
	store: Store;
	commands: readonly Command[];
	answerFollowUp?: AnswerFollowUp;
	llm?: Llm | null;
	env?: Record<string, string>;
	fake?: FakeDiscord;
	now?: () => Date;
}): Promise<Harness> {
	const fake = input.fake ?? (await new FakeDiscord({ heartbeatInterval: 1_000 }).start());
	const { log, lines } = createCapturingLogger();
	const config = parseConfig({
		DATABASE_URL: 'memory:',
		DISCORD_TOKEN: fake.token,
		DISCORD_API_URL: fake.apiBase,
		DISCORD_MESSAGE_CONTENT_INTENT: 'true',
		THREAD_DEBOUNCE_MS: '50',
		...input.env,
	});
	const deps: Deps = { config, log, store: input.store, llm: input.llm ?? null, now: input.now ?? (() => new Date()) };
	const login = async () => {
		const client = createClient(config);
		const bot = attachBot(client, {
			commands: input.commands,
			deps,
			answerFollowUp: input.answerFollowUp ?? answerThreadFollowUp,
		});
		const ready = once(client, 'clientReady');
		await client.login(fake.token);
		await ready;
		return { client, bot };
	};
	const shutDown = async (h: { client: Client; bot: Bot }) => {
		await h.bot.stop(5_000);
		await h.client.destroy();
	};
	let current = await login();
	const harness: Harness = {
		fake,
		client: current.client,
		bot: current.bot,
		deps,
		logs: lines,
		async waitForLog(pred) {
			for (let waited = 0; waited < 15_000; waited += 10) {
				const hit = lines.find(pred);
				if (hit) return hit;
				await new Promise((r) => setTimeout(r, 10));
			}
			throw new Error('timed out waiting for a log line');
		},
		async restart() {
			await shutDown(current);
			current = await login();
			harness.client = current.client;
			harness.bot = current.bot;
		},
		async stop() {
			await shutDown(current);
			await fake.stop();
		},
	};
	return harness;
}
