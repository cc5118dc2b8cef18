import type { MessageCreateParams, TextBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLlm } from '../src/llm/create.js';
import type { Llm, LlmTurn } from '../src/llm/llm.js';
import { loadPrompt } from '../src/llm/prompts.js';
import { createSilentLogger } from '../src/log.js';
import { llmConfig, makeStatements, useFakeAnthropic } from './fake-anthropic/setup.js';

const ctx = useFakeAnthropic();

let llm: Llm;
beforeAll(async () => {
	llm = createLlm(llmConfig(ctx.fake.url), createSilentLogger()) as Llm;
});

const statements = makeStatements(8);
const base = { actor: 'Russia', topic: 'peacekeepers', statements };
const body = (i: number) => ctx.fake.requests[i]?.body as MessageCreateParams;
const asTurns = (segments: { text: string; citations: number[] }[]): LlmTurn => ({
	role: 'assistant',
	text: segments.map((s) => s.text).join(''),
	citations: segments.flatMap((s) => s.citations),
});

describe('followUp', () => {
	it('replays the statements in the same order and earlier turns with their citations, with prompt caching on', async () => {
		const first = await llm.summarizeStance(base);
		const turns: LlmTurn[] = [asTurns(first.segments)];
		const answer = await llm.followUp({ ...base, question: 'Has the position changed since March?', turns });
		expect(answer.segments.some((s) => s.citations.length > 0)).toBe(true);
		const sent = body(1);
		expect(sent.cache_control).toEqual({ type: 'ephemeral' });
		expect(sent.system).toBe(loadPrompt('follow-up', { max_words: 120 }));
		expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
		expect(JSON.stringify(sent.messages[0])).toBe(JSON.stringify(body(0).messages[0]));
		const replay = (sent.messages[1]?.content as TextBlockParam[] | undefined)?.[0];
		expect(replay?.citations?.map((c) => c.type === 'search_result_location' && c.search_result_index)).toEqual([
			0, 1, 2,
		]);
		expect(replay?.citations?.[0]?.cited_text).toBe(statements[0]?.quote);
		const question = (sent.messages[2]?.content as TextBlockParam[] | undefined)?.at(-1);
		expect(JSON.parse(question?.text ?? '')).toEqual({ question: 'Has the position changed since March?' });
	});

	it('reads the cached prefix on the next follow-up and reports the cheaper cost', async () => {
		const turns: LlmTurn[] = [{ role: 'assistant', text: 'Russia set conditions.', citations: [0] }];
		const one = await llm.followUp({ ...base, question: 'Who said it first?', turns });
		const two = await llm.followUp({
			...base,
			question: 'And most recently?',
			turns: [...turns, { role: 'user', text: 'Who said it first?', citations: [] }, asTurns(one.segments)],
		});
		expect(one.usage.cacheWriteTokens).toBeGreaterThan(0);
		expect(two.usage.cacheReadTokens).toBe(one.usage.cacheWriteTokens);
		const uncached =
			((two.usage.cacheReadTokens + two.usage.cacheWriteTokens) * 0.1 + two.usage.outputTokens * 0.5) / 1e6;
		expect(two.usage.costUsd).toBeLessThan(uncached);
	});

	it('puts statements retrieved for the question in the last turn, numbered after the earlier ones', async () => {
		const turns: LlmTurn[] = [{ role: 'assistant', text: 'Russia set conditions.', citations: [1] }];
		const answer = await llm.followUp({ ...base, question: 'What did France say?', contextStatementCount: 6, turns });
		const sent = body(0);
		const count = (i: number) =>
			((sent.messages[i]?.content ?? []) as { type: string }[]).filter((b) => b.type === 'search_result').length;
		expect([count(0), count(2)]).toEqual([6, 2]);
		// The fake cites the new results first, so the answer cites statements 6 and 7.
		expect(answer.segments.flatMap((s) => s.citations)).toEqual([6, 7]);
	});

	it('never ends with an assistant turn (prefill) and merges consecutive turns of one role', async () => {
		const turns: LlmTurn[] = [
			{ role: 'user', text: 'First question?', citations: [] },
			{ role: 'assistant', text: 'An answer.', citations: [] },
			{ role: 'assistant', text: '', citations: [] },
		];
		await llm.followUp({ ...base, question: 'Next?', turns });
		const roles = body(0).messages.map((m) => m.role);
		expect(roles).toEqual(['user', 'assistant', 'user']);
	});

	it('uses the strong model when the thread did', async () => {
		await llm.followUp({ ...base, question: 'Why?', turns: [], strong: true });
		expect(body(0).model).toBe('claude-sonnet-5-5');
		expect(body(0).thinking).toEqual({ type: 'between_tools' });
	});
});
