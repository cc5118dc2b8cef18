import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Usage } from '../src/answer/briefing.js';
import { MAX_INPUT_TOKENS, selectForLlm } from '../src/answer/llm-summary.js';
import { answerStance } from '../src/answer/stance.js';
import { type Llm, type LlmAnswer, type LlmStatement, LlmUnavailableError } from '../src/llm/llm.js';
import { estimateStanceInputTokens } from '../src/llm/tokens.js';
import type { Store } from '../src/store/store.js';
import { depsFor, peacekeepersArticle, seed } from './answer-fixtures.js';
import { memoryLogger } from './fake-anthropic/setup.js';
import { openTestStore } from './helpers/stores.js';

const usage = (inputTokens: number): Usage => ({
	model: 'claude-haiku-5-5',
	inputTokens,
	outputTokens: 50,
	cacheReadTokens: 0,
	cacheWriteTokens: 0,
	costUsd: 0.0001,
	estimated: false,
});

/** A plain-object Llm that answers from a script and records what it was sent. */
function scriptedLlm(reply: (statements: LlmStatement[]) => LlmAnswer | Error) {
	const calls: LlmStatement[][] = [];
	const strong: boolean[] = [];
	const llm: Llm = {
		async summarizeStance(request) {
			const { statements } = request;
			calls.push(statements);
			strong.push(request.strong ?? false);
			const r = reply(statements);
			if (r instanceof Error) throw r;
			return r;
		},
		async followUp() {
			throw new Error('not used here');
		},
	};
	return { llm, calls, strong };
}

const citing = (tokens = 1_000) =>
	scriptedLlm((statements) => ({
		segments: [
			{ text: 'Russia rejects any foreign troops.', citations: [1, 0, 0] },
			{ text: 'It sees NATO forces as a threat.', citations: [0, 7, -1] },
		],
		usage: usage(tokens),
		requestId: `req_${statements.length}`,
	}));

describe('/stance with a language model', () => {
	let store: Store;
	beforeAll(async () => {
		store = await openTestStore();
		await seed(store, [peacekeepersArticle]);
	});
	afterAll(() => store.close());
	let clock = new Date('2025-04-28T12:00:00Z');
	const now = () => clock;

	it('maps verified citations to quote numbers and shows quotes from the store only', async () => {
		const { llm, calls } = citing();
		const b = await answerStance(
			{ actor: 'russia', topic: 'peacekeepers', userId: 'u1' },
			depsFor(store, { llm, now }),
		);
		expect(b.mode).toBe('llm');
		expect(b.note).toBeNull();
		expect(b.summary.slice(0, 2)).toEqual([
			{ text: 'Russia rejects any foreign troops.', citations: [2, 1] },
			{ text: 'It sees NATO forces as a threat.', citations: [1] },
		]);
		// The model saw the actor's own statements only, newest first, in the order they are numbered.
		expect(calls[0]?.map((s) => s.quote)).toEqual(b.quotes.map((q) => q.quote));
		expect(calls[0]?.some((s) => s.speaker === 'Donald Trump')).toBe(false);
		// What it cannot know (claims by others) is added from the store.
		expect(b.summary.at(-1)?.text).toContain("their account, not Russia's words");
		expect(b.usage).toMatchObject({ inputTokens: 1_000, outputTokens: 50 });
		expect(await store.usage.tokensSince(new Date('2025-04-28T00:00:00Z'))).toBe(1_050);
	});

	it('uses the stronger model only when asked to', async () => {
		const { llm, strong } = citing();
		await answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store, { llm, now }));
		await answerStance({ actor: 'russia', topic: 'peacekeepers', strong: true }, depsFor(store, { llm, now }));
		expect(strong).toEqual([false, true]);
	});

	it('answers extractively with a short note when the model is unavailable', async () => {
		const { llm } = scriptedLlm(() => new LlmUnavailableError('the language model timed out'));
		const b = await answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store, { llm, now }));
		expect(b.mode).toBe('extractive');
		expect(b.note).toBe('Summary written without the language model: the language model timed out.');
		expect(b.summary[0]?.citations).toEqual([1, 2]);
	});

	it('logs an unexpected failure as a bug and still answers', async () => {
		const { log, records } = memoryLogger();
		const { llm } = scriptedLlm(() => new TypeError('boom'));
		const b = await answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store, { llm, now, log }));
		expect(b.mode).toBe('extractive');
		expect(b.note).toBe('Summary written without the language model: the language model failed.');
		expect(records.some((r) => r.level === 50 && (r.err as { message?: string })?.message === 'boom')).toBe(true);
	});

	it('falls back when no citation survives', async () => {
		const { llm } = scriptedLlm(() => ({
			segments: [{ text: 'Uncited.', citations: [9] }],
			usage: usage(10),
			requestId: null,
		}));
		const b = await answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store, { llm, now }));
		expect(b.mode).toBe('extractive');
		expect(b.note).toContain('cited none of the stored quotes');
	});

	it('keeps each user and each server under their per-minute limits', async () => {
		clock = new Date('2025-05-01T10:00:00Z');
		const env = { RATE_LIMIT_USER_PER_MINUTE: '2', RATE_LIMIT_GUILD_PER_MINUTE: '3' };
		const { llm, calls } = citing(10);
		const ask = (userId: string) =>
			answerStance(
				{ actor: 'russia', topic: 'peacekeepers', userId, guildId: 'g1' },
				depsFor(store, { llm, now, env }),
			);
		expect((await ask('alice')).mode).toBe('llm');
		expect((await ask('alice')).mode).toBe('llm');
		const third = await ask('alice');
		expect(third.mode).toBe('extractive');
		expect(third.note).toContain('you reached the limit of 2 AI summaries per minute');
		expect((await ask('bob')).mode).toBe('llm');
		const guild = await ask('carol');
		expect(guild.note).toContain('this server reached the limit of 3 AI summaries per minute');
		expect(calls).toHaveLength(3);
		clock = new Date('2025-05-01T10:01:01Z');
		expect((await ask('alice')).mode).toBe('llm');
	});

	it('stops using the model when the daily token budget is spent, until the next day', async () => {
		clock = new Date('2025-05-02T09:00:00Z');
		const env = { LLM_DAILY_TOKEN_BUDGET: '5000' };
		const { llm } = citing(4_500);
		const ask = () => answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store, { llm, now, env }));
		expect((await ask()).mode).toBe('llm');
		const over = await ask();
		expect(over.mode).toBe('extractive');
		expect(over.note).toContain("today's language-model token budget is used up");
		clock = new Date('2025-05-03T00:00:01Z');
		expect((await ask()).mode).toBe('llm');
	});
});

describe('what is sent to the model', () => {
	const quote = (n: number, length: number) => ({
		n,
		statementId: n,
		quote: `${'We will not accept foreign troops in Ukraine under any flag. '.repeat(20)}`.slice(0, length),
		kind: 'direct' as const,
		speaker: 'Maria Zakharova',
		speakerRole: 'Foreign Ministry spokeswoman',
		actor: 'Russia',
		aboutActor: null,
		topic: 'european-peacekeepers-ukraine',
		stance: 'oppose' as const,
		url: `https://news.example/2025/03/peacekeepers-story-${n}`,
		outlet: 'Example Wire',
		outlets: ['Example Wire'],
		title: `Moscow rejects peacekeeping proposals, report ${n}`,
		published: '2025-03-12',
	});

	it('is at most 20 statements and fits 4,000 input tokens for 20 ordinary ones', () => {
		const quotes = Array.from({ length: 30 }, (_, i) => quote(i + 1, 220));
		const sent = selectForLlm(quotes, 'Russia', 'European peacekeepers in Ukraine');
		expect(sent.map((q) => q.n)).toEqual(quotes.slice(0, 20).map((q) => q.n));
		const tokens = estimateStanceInputTokens({
			actor: 'Russia',
			topic: 'European peacekeepers in Ukraine',
			statements: sent,
		});
		expect(tokens).toBeLessThanOrEqual(MAX_INPUT_TOKENS);
	});

	it('drops the oldest of very long statements rather than exceed the budget', () => {
		const quotes = Array.from({ length: 20 }, (_, i) => quote(i + 1, 1_200));
		const sent = selectForLlm(quotes, 'Russia', 'peacekeepers');
		expect(sent.length).toBeLessThan(20);
		expect(sent.map((q) => q.n)).toEqual(quotes.slice(0, sent.length).map((q) => q.n));
		expect(estimateStanceInputTokens({ actor: 'Russia', topic: 'peacekeepers', statements: sent })).toBeLessThanOrEqual(
			MAX_INPUT_TOKENS,
		);
	});
});
