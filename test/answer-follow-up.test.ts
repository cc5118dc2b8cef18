import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFollowUp, type FollowUpRequest } from '../src/answer/follow-up.js';
import { answerStance } from '../src/answer/stance.js';
import { UserError } from '../src/errors.js';
import type { Llm, LlmStatement, LlmTurn } from '../src/llm/llm.js';
import type { Store } from '../src/store/store.js';
import { depsFor, peacekeepersArticle, seed } from './answer-fixtures.js';
import { openTestStore } from './helpers/stores.js';

describe('follow-up questions in a /stance thread', () => {
	let store: Store;
	let thread: FollowUpRequest['thread'];
	beforeAll(async () => {
		store = await openTestStore();
		await seed(store, [
			peacekeepersArticle,
			{
				published: '2023-08-02',
				title: 'Kremlin on the Black Sea grain deal',
				statements: [
					{
						quote: 'Russia is ready to return to the grain deal as soon as its part is implemented',
						speaker: 'Dmitry Peskov',
						actor: 'Russia',
						topic: 'black-sea-grain-deal',
						stance: 'mixed',
					},
				],
			},
			{
				published: '2025-02-26',
				statements: [
					{
						quote: 'Security guarantees for Ukraine must include European troops on the ground',
						speaker: 'Andrii Sybiha',
						role: 'Ukrainian Foreign Minister',
						actor: 'Ukraine',
						topic: 'european-peacekeepers-ukraine',
						stance: 'support',
					},
				],
			},
		]);
		const b = await answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store));
		const ordered = [...b.quotes, ...b.claims].sort((x, y) => x.n - y.n);
		thread = {
			actor: b.actor.name,
			topic: b.topic.id ?? b.topic.label,
			statementIds: ordered.map((q) => q.statementId),
			turns: [{ role: 'assistant', text: 'Russia rejects it.', citations: [0, 1] }],
		};
	});
	afterAll(() => store.close());

	it('answers offline from the stored quotes closest to the question', async () => {
		const a = await answerFollowUp({ question: 'What did Lavrov say about NATO forces?', thread }, depsFor(store));
		expect(a.mode).toBe('extractive');
		expect(a.quotes.map((q) => [q.n, q.speaker])).toEqual([[1, 'Sergei Lavrov']]);
		expect(a.segments[0]?.citations).toEqual([1]);
		expect(a.newStatementIds).toEqual([]);
		expect(a.statementIds).toEqual(thread.statementIds);
		expect(a.assistant.citations).toEqual([0]);
	});

	it('fetches more statements when the question names another topic, numbering them after the old ones', async () => {
		const a = await answerFollowUp({ question: 'And what about the grain deal?', thread }, depsFor(store));
		expect(a.newStatementIds).toHaveLength(1);
		expect(a.statementIds).toEqual([...thread.statementIds, ...a.newStatementIds]);
		expect(a.quotes.map((q) => [q.n, q.speaker])).toEqual([[4, 'Dmitry Peskov']]);
		expect(a.assistant.citations).toEqual([3]);
	});

	it('fetches the statements of another actor the question names', async () => {
		const a = await answerFollowUp({ question: 'How does ukraine see European troops?', thread }, depsFor(store));
		expect(a.quotes.some((q) => q.actor === 'Ukraine' && q.n === 4)).toBe(true);
	});

	it('gives the model the thread in its stored order, new statements last, and maps its citations back', async () => {
		let seen: { statements: LlmStatement[]; turns: LlmTurn[]; count?: number } | null = null;
		const llm: Llm = {
			summarizeStance: () => Promise.reject(new Error('not used')),
			async followUp({ statements, turns, contextStatementCount }) {
				seen = { statements, turns, count: contextStatementCount };
				return {
					segments: [{ text: 'Peskov tied a return to conditions.', citations: [3] }],
					usage: {
						model: 'claude-haiku-5-5',
						inputTokens: 900,
						outputTokens: 20,
						cacheReadTokens: 700,
						cacheWriteTokens: 0,
						costUsd: 0.0001,
						estimated: false,
					},
					requestId: 'req_1',
				};
			},
		};
		const a = await answerFollowUp({ question: 'And the grain deal?', thread, userId: 'u1' }, depsFor(store, { llm }));
		expect(a.mode).toBe('llm');
		expect(a.segments).toEqual([{ text: 'Peskov tied a return to conditions.', citations: [4] }]);
		expect(a.assistant).toEqual({ text: 'Peskov tied a return to conditions.', citations: [3] });
		expect(seen).not.toBeNull();
		const s = seen as unknown as { statements: LlmStatement[]; turns: LlmTurn[]; count?: number };
		expect(s.count).toBe(3);
		expect(s.statements.map((x) => x.speaker)).toEqual([
			'Sergei Lavrov',
			'Dmitry Peskov',
			'Donald Trump',
			'Dmitry Peskov',
		]);
		expect(s.statements[2]?.aboutActor).toBe('Russia');
		expect(s.turns).toEqual(thread.turns);
		expect(a.usage?.cacheReadTokens).toBe(700);
	});

	it('keeps quote numbers stable when a stored statement has since been deleted', async () => {
		const gone = { ...thread, statementIds: [999_999, ...thread.statementIds], turns: [] };
		const a = await answerFollowUp({ question: 'What did Lavrov say?', thread: gone }, depsFor(store));
		expect(a.quotes.map((q) => [q.n, q.speaker])).toEqual([[2, 'Sergei Lavrov']]);
		expect(a.assistant.citations).toEqual([1]);
	});

	it('rejects an empty or over-long question with a clear message', async () => {
		await expect(answerFollowUp({ question: '  ', thread }, depsFor(store))).rejects.toBeInstanceOf(UserError);
		await expect(answerFollowUp({ question: 'why? '.repeat(300), thread }, depsFor(store))).rejects.toThrow(
			/too long \(1499 characters, at most 1000\)/,
		);
	});
});
