import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerStance } from '../src/answer/stance.js';
import { renderBriefingText } from '../src/cli/render-briefing.js';
import { createLlm } from '../src/llm/create.js';
import type { Llm } from '../src/llm/llm.js';
import { createSilentLogger } from '../src/log.js';
import type { Store } from '../src/store/store.js';
import { depsFor, peacekeepersArticle, seed } from './answer-fixtures.js';
import { llmConfig, useFakeAnthropic } from './fake-anthropic/setup.js';
import type { Behaviour } from './fake-anthropic.js';
import { openTestStore } from './helpers/stores.js';

const ctx = useFakeAnthropic();

describe('/stance through the Anthropic SDK against the fake Messages API', () => {
	let store: Store;
	let llm: Llm;
	beforeAll(async () => {
		store = await openTestStore();
		await seed(store, [peacekeepersArticle]);
		llm = createLlm(llmConfig(ctx.fake.url), createSilentLogger()) as Llm;
	});
	afterAll(() => store.close());
	const ask = () => answerStance({ actor: 'russia', topic: 'peacekeepers' }, depsFor(store, { llm }));

	it('summarises with citations that point at the numbered quotes', async () => {
		const b = await ask();
		expect(b.mode).toBe('llm');
		const cited = b.summary.flatMap((s) => s.citations);
		expect(cited).toEqual(expect.arrayContaining([1, 2]));
		// One search_result block per own statement, in the order of the quotes; the claim is never sent.
		const blocks = ctx.fake.requests[0]?.body.messages[0]?.content;
		const sent = Array.isArray(blocks) ? blocks.filter((x) => x.type === 'search_result') : [];
		expect(sent.map((x) => (x.type === 'search_result' ? x.content[0]?.text : ''))).toEqual(
			b.quotes.map((q) => q.quote),
		);
		expect(b.usage?.inputTokens).toBeGreaterThan(0);
	});

	it.each<Behaviour>(['mutated-cited-text', 'out-of-range', 'invented-quote', 'url', 'everyone'])(
		'renders a %s answer safely',
		async (behaviour) => {
			ctx.fake.enqueue({ behaviour });
			const b = await ask();
			const text = renderBriefingText(b);
			// Unbacked words may remain as prose, but never inside quotation marks.
			expect(text).not.toMatch(/https:\/\/evil|www\.evil|@everyone|<@\d|["“]we fully endorse/);
			for (const q of b.quotes) expect(peacekeepersArticle.statements.map((s) => s.quote)).toContain(q.quote);
			for (const s of b.summary)
				for (const n of s.citations) expect(n).toBeLessThanOrEqual(b.quotes.length + b.claims.length);
		},
	);

	it.each<Behaviour>(['no-citations', 'refusal'])('answers extractively after a %s answer', async (behaviour) => {
		ctx.fake.enqueue({ behaviour });
		const b = await ask();
		expect(b.mode).toBe('extractive');
		expect(b.note).toMatch(/^Summary written without the language model: /);
	});

	it('answers extractively when the API keeps failing after retries', async () => {
		ctx.fake.enqueue({ status: 529 }, { status: 529 }, { status: 529 });
		const b = await ask();
		expect(b.mode).toBe('extractive');
		expect(b.note).toMatch(/^Summary written without the language model: /);
		expect(b.quotes).toHaveLength(2);
	});
});
