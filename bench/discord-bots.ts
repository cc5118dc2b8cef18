// A bot for the discord benchmark, run as a child process so its work and garbage collection do not
// skew the fake Discord's clock: `trivial` (defer + edit, nothing else) or `attache` (the real bot).
import { once } from 'node:events';
import { commands } from '../commands/index.js';
import { parseConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { attachBot } from '../src/discord/bot.js';
import { createClient } from '../src/discord/client.js';
import type { Llm } from '../src/llm/llm.js';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import { peacekeepers, seedStatements } from '../test/discord-seed.js';

const [kind, apiBase = '', token = ''] = process.argv.slice(2);

// The "fake LLM": answers at once, citing the first statement, so the numbers are the bot's own cost.
const fakeLlm: Llm = {
	summarizeStance: async () => ({
		segments: [{ text: 'The statements oppose the deployment.', citations: [0] }],
		usage: {
			model: 'fake',
			inputTokens: 500,
			outputTokens: 20,
			cacheReadTokens: 0,
			cacheWriteTokens: 0,
			costUsd: 0,
			estimated: false,
		},
		requestId: null,
	}),
	followUp: async () => {
		throw new Error('not used in this benchmark');
	},
};

const config = parseConfig({
	DISCORD_TOKEN: token,
	DISCORD_API_URL: apiBase,
	RATE_LIMIT_USER_PER_MINUTE: '1000000',
	RATE_LIMIT_GUILD_PER_MINUTE: '1000000',
	LLM_DAILY_TOKEN_BUDGET: '1000000000',
});
const client = createClient(config);
let stop = async () => {};

if (kind === 'trivial') {
	client.on('interactionCreate', async (i) => {
		if (i.isAutocomplete()) return void (await i.respond([{ name: 'Russia', value: 'Russia' }]));
		if (!i.isChatInputCommand()) return;
		await i.deferReply();
		await i.editReply({ content: 'ok', allowedMentions: { parse: [] } });
	});
} else {
	const log = createSilentLogger();
	const store = await openStore('memory:', log);
	await seedStatements(store, peacekeepers);
	const deps: Deps = { config, log, store, llm: fakeLlm, now: () => new Date() };
	const bot = attachBot(client, {
		commands,
		deps,
		answerFollowUp: async () => {
			throw new Error('not used in this benchmark');
		},
	});
	stop = async () => {
		await bot.stop();
		await store.close();
	};
}

process.on('message', async (m) => {
	if (m !== 'stop') return;
	await stop();
	await client.destroy();
	process.exit(0);
});
const ready = once(client, 'clientReady');
await client.login(token);
await ready;
process.send?.('ready');
