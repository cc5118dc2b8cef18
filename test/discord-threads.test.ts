import type { APIMessage, APIThreadChannel } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { FOLLOW_UP_ID } from '../src/discord/render-briefing.js';
import type { Llm } from '../src/llm/llm.js';
import type { Store } from '../src/store/store.js';
import { type Harness, startHarness } from './discord-harness.js';
import { peacekeepers, seedStatements } from './discord-seed.js';
import type { FakeDiscord } from './fake-discord/fake-discord.js';
import { openTestStore } from './helpers/stores.js';

// A scripted model: cites the first statement it is given and records every follow-up request.
const asked: Parameters<Llm['followUp']>[0][] = [];
const usage = {
	model: 'scripted',
	inputTokens: 10,
	outputTokens: 5,
	cacheReadTokens: 0,
	cacheWriteTokens: 0,
	costUsd: 0,
	estimated: false,
};
const llm: Llm = {
	summarizeStance: async () => ({
		segments: [{ text: 'Russia rejects the plan.', citations: [0] }],
		usage,
		requestId: null,
	}),
	followUp: async (request) => {
		asked.push(request);
		return {
			segments: [{ text: `On "${request.question}": see the statement.`, citations: [0] }],
			usage,
			requestId: null,
		};
	},
};
const env = { THREAD_MAX_TURNS: '3', RATE_LIMIT_USER_PER_MINUTE: '1000', RATE_LIMIT_GUILD_PER_MINUTE: '1000' };

let store: Store;
let h: Harness;

beforeAll(async () => {
	store = await openTestStore();
	await seedStatements(store, peacekeepers);
	h = await startHarness({ store, commands, llm, env });
});
afterAll(async () => {
	await h?.stop();
	await store?.close();
});

/** Runs /stance, presses "Follow up", and returns the thread the bot opened. */
async function openThread(fake: FakeDiscord, channelId?: string): Promise<APIThreadChannel> {
	const rec = fake.command('stance', { actor: 'Russia', topic: 'peacekeepers' }, channelId ? { channelId } : {});
	await rec.edited;
	const opened = new Promise<APIThreadChannel>((resolve) => fake.once('thread', resolve));
	const click = fake.clickButton(rec.original as APIMessage, FOLLOW_UP_ID);
	await click.acked;
	return opened;
}
const botPostsIn = (fake: FakeDiscord, channelId: string) =>
	fake.messagesIn(channelId).filter((m) => m.author.id === fake.botUser.id);
const waitForPosts = async (fake: FakeDiscord, channelId: string, count: number) => {
	await fake.waitForRequest(
		(r) =>
			r.method === 'POST' &&
			r.path === `/channels/${channelId}/messages` &&
			botPostsIn(fake, channelId).length >= count,
	);
	return botPostsIn(fake, channelId);
};

describe('follow-up threads', () => {
	let thread: APIThreadChannel;

	it('opens a thread on the answer, says how to ask, and removes the button', async () => {
		thread = await openThread(h.fake);
		const [intro] = await waitForPosts(h.fake, thread.id, 1);
		expect(intro?.content).toMatch(/Ask a follow-up question here about \*\*Russia\*\*/);
		const answer = h.fake.messages.get(thread.id);
		await h.fake.waitForRequest(
			(r) =>
				r.method === 'PATCH' &&
				JSON.stringify(r.body).includes('components') &&
				!JSON.stringify(r.body).includes(FOLLOW_UP_ID),
		);
		expect(JSON.stringify(answer?.components)).not.toContain(FOLLOW_UP_ID);
		expect(await store.threads.get(thread.id)).toMatchObject({ opened: true });
	});

	it('points a second click on Follow up to the thread already open', async () => {
		const answer = h.fake.messages.get(thread.id) as APIMessage;
		const click = h.fake.clickButton({ ...answer, components: [] }, FOLLOW_UP_ID);
		const hook = `/webhooks/${h.fake.appId}/${click.interaction.token}`;
		const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === hook);
		expect(reply.body).toMatchObject({ flags: 64, content: expect.stringContaining(`<#${thread.id}>`) });
	});

	it('answers a question in the thread from the stored context, and stores both turns first', async () => {
		h.fake.userMessage(thread.id, 'Has Moscow changed its mind?');
		const posts = await waitForPosts(h.fake, thread.id, 2);
		expect(posts[1]?.content).toContain('Has Moscow changed its mind?');
		expect(posts[1]?.embeds?.[0]?.description).toContain('**[1]**');
		const context = await store.threads.get(thread.id);
		expect(context?.turns.map((t) => t.role)).toEqual(['assistant', 'user', 'assistant']);
	});

	it('keeps the conversation across a bot restart', async () => {
		await h.restart();
		h.fake.userMessage(thread.id, 'What did Lavrov add?');
		await waitForPosts(h.fake, thread.id, 3);
		const last = asked.at(-1);
		expect(last?.question).toBe('What did Lavrov add?');
		expect(last?.turns.map((t) => t.text)).toContain('Has Moscow changed its mind?');
		expect(last?.turns[0]).toMatchObject({
			role: 'assistant',
			text: expect.stringContaining('Russia rejects the plan.'),
		});
		expect(last?.statements.length).toBeGreaterThan(0);
	});

	it('merges quick successive messages into one question and answers once', async () => {
		const before = asked.length;
		h.fake.userMessage(thread.id, 'And the UN mandate?');
		h.fake.userMessage(thread.id, 'Or an OSCE one?');
		await waitForPosts(h.fake, thread.id, 4);
		expect(asked.length).toBe(before + 1);
		expect(asked.at(-1)?.question).toBe('And the UN mandate? Or an OSCE one?');
	});

	it('stops at the turn cap with a notice that offers a fresh /stance', async () => {
		const before = asked.length;
		h.fake.userMessage(thread.id, 'One more?');
		const posts = await waitForPosts(h.fake, thread.id, 5);
		expect(posts[4]?.content).toMatch(/limit of 3 follow-up questions.*\/stance/);
		expect(asked.length).toBe(before);
	});

	it('ignores threads it does not own or know', async () => {
		const before = h.fake.requests.length;
		h.fake.userMessage(h.fake.general.id, 'Not a thread');
		await new Promise((r) => setTimeout(r, 150));
		expect(h.fake.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('logs and survives a thread and a channel that answer 403', async () => {
		const locked = h.fake.addChannel('locked');
		await h.restart(); // the new channel reaches the client's cache in GUILD_CREATE
		const rec = h.fake.command('stance', { actor: 'Russia', topic: 'peacekeepers' }, { channelId: locked.id });
		await rec.edited;
		h.fake.forbidden.add(locked.id);
		const click = h.fake.clickButton(rec.original as APIMessage, FOLLOW_UP_ID);
		const hook = `/webhooks/${h.fake.appId}/${click.interaction.token}`;
		const refusal = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === hook);
		expect(refusal.body).toMatchObject({ flags: 64, content: expect.stringContaining('Create Public Threads') });

		const other = await openThread(h.fake);
		await waitForPosts(h.fake, other.id, 1);
		h.fake.forbidden.add(other.id);
		h.fake.userMessage(other.id, 'Are you there?');
		await h.waitForLog((l) => l.msg === 'cannot post in this thread' && l.threadId === other.id);
		const again = h.fake.command('sources');
		await again.edited;
		expect(again.original?.embeds?.length).toBe(1);
	});

	it('deletes stored turns when the thread is deleted', async () => {
		h.fake.deleteThread(thread.id);
		for (let i = 0; i < 1000 && (await store.threads.get(thread.id)); i++) await new Promise((r) => setTimeout(r, 10));
		expect(await store.threads.get(thread.id)).toBeNull();
	});

	it('deletes contexts past the retention period', async () => {
		const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
		const base = { guildId: h.fake.guildId, channelId: h.fake.general.id, actor: { id: 'Russia', name: 'Russia' } };
		const context = {
			...base,
			topic: { id: null, label: 'x' },
			since: null,
			until: null,
			statementIds: [],
			createdBy: null,
			turns: [],
		};
		await store.threads.create({ ...context, threadId: '111111111111111111' }, old);
		await store.threads.create({ ...context, threadId: '222222222222222222' }, new Date());
		expect(await h.bot.sweep()).toBe(1);
		expect(await store.threads.get('111111111111111111')).toBeNull();
		expect(await store.threads.get('222222222222222222')).not.toBeNull();
	});

	it('deletes every stored thread of a guild the bot leaves', async () => {
		h.fake.removeFromGuild();
		await h.waitForLog((l) => l.msg === 'left guild');
		expect(await store.threads.get('222222222222222222')).toBeNull();
	});
});

describe('without the Message Content intent', () => {
	it('answers in its threads only when mentioned', async () => {
		const quiet = await startHarness({
			store,
			commands,
			llm,
			env: { ...env, DISCORD_MESSAGE_CONTENT_INTENT: 'false' },
		});
		try {
			const t = await openThread(quiet.fake);
			const [intro] = await waitForPosts(quiet.fake, t.id, 1);
			expect(intro?.content).toContain('Mention me');
			quiet.fake.userMessage(t.id, 'unmentioned question');
			quiet.fake.userMessage(t.id, 'what about Turkey?', { mentionBot: true });
			await waitForPosts(quiet.fake, t.id, 2);
			expect(asked.at(-1)?.question).toBe('what about Turkey?');
		} finally {
			await quiet.stop();
		}
	});
});
