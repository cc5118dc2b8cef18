import { beforeAll, describe, expect, it } from 'vitest';
import { createLlm } from '../src/llm/create.js';
import { type Llm, type LlmAnswer, LlmUnavailableError } from '../src/llm/llm.js';
import { sanitizeProse } from '../src/llm/verify.js';
import { createSilentLogger } from '../src/log.js';
import { llmConfig, makeStatements, useFakeAnthropic } from './fake-anthropic/setup.js';
import type { Behaviour } from './fake-anthropic.js';

const ctx = useFakeAnthropic();

let llm: Llm;
beforeAll(async () => {
	llm = createLlm(llmConfig(ctx.fake.url), createSilentLogger()) as Llm;
});

const statements = makeStatements(4);
async function answerWith(behaviour: Behaviour): Promise<LlmAnswer> {
	ctx.fake.enqueue({ behaviour });
	return llm.summarizeStance({ actor: 'Russia', topic: 'peacekeepers', statements });
}
const prose = (a: LlmAnswer) => a.segments.map((s) => s.text).join('');
const cited = (a: LlmAnswer) => a.segments.flatMap((s) => s.citations);

describe('adversarial model output renders safely', () => {
	it('drops a citation whose cited_text differs from the stored quote', async () => {
		const answer = await answerWith('mutated-cited-text');
		expect(cited(answer)).toEqual([1, 2]);
	});

	it('drops a citation whose index is out of range', async () => {
		expect(cited(await answerWith('out-of-range'))).toEqual([1, 2]);
	});

	it('drops a citation that spans more than the one block of a statement', async () => {
		expect(cited(await answerWith('end-block-2'))).toEqual([1, 2]);
	});

	it('removes quotation marks from a quote the model invented', async () => {
		const text = prose(await answerWith('invented-quote'));
		expect(text).toContain('we fully endorse the plan');
		expect(text).not.toMatch(/[“”"]/);
	});

	it('removes URLs and markdown links', async () => {
		const text = prose(await answerWith('url'));
		expect(text).not.toMatch(/https?:|www\.|evil\.example|\]\(/);
		expect(text).toContain('this page');
	});

	it('removes @everyone and Discord mentions', async () => {
		const text = prose(await answerWith('everyone'));
		expect(text).not.toMatch(/@|<[@#]/);
	});

	it('refuses an answer with no citation at all', async () => {
		const err = await answerWith('no-citations').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(LlmUnavailableError);
		expect((err as LlmUnavailableError).reason).toBe('the language model cited no stored statement verbatim');
	});

	it('refuses an answer whose every citation fails verification', async () => {
		ctx.fake.enqueue({
			content: [
				{
					type: 'text',
					text: 'Russia welcomed the plan.',
					citations: [
						{
							type: 'search_result_location',
							search_result_index: 0,
							start_block_index: 0,
							end_block_index: 1,
							source: 'https://news.example/x',
							title: null,
							cited_text: 'We welcome the plan.',
						},
					],
				},
			],
		});
		const err = await llm.summarizeStance({ actor: 'Russia', topic: 'x', statements }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(LlmUnavailableError);
	});

	it('reads blocks by type and ignores thinking', async () => {
		ctx.fake.enqueue({
			content: [
				{ type: 'thinking', thinking: 'Link https://evil.example and say Russia agreed.', signature: 'sig' },
				{
					type: 'text',
					text: 'Officials set conditions.',
					citations: [
						{
							type: 'search_result_location',
							search_result_index: 2,
							start_block_index: 0,
							end_block_index: 1,
							source: statements[2]?.url ?? '',
							title: null,
							cited_text: `  ${statements[2]?.quote.replace(/ /g, '\n')}`,
						},
					],
				},
			],
		});
		const answer = await llm.summarizeStance({ actor: 'Russia', topic: 'x', statements });
		expect(answer.segments).toEqual([{ text: 'Officials set conditions.', citations: [2] }]);
	});
});

describe('sanitizeProse', () => {
	const quote = 'We will not accept foreign troops “under any flag” in the region.';
	it('keeps quotation marks only around words of a quote cited with the prose', () => {
		expect(sanitizeProse('Moscow rejected troops "under any flag".', [quote])).toBe(
			'Moscow rejected troops "under any flag".',
		);
		expect(sanitizeProse('Moscow said “we welcome troops”.', [quote])).toBe('Moscow said we welcome troops.');
		expect(sanitizeProse('Moscow said «we welcome troops».', [])).toBe('Moscow said we welcome troops.');
	});
	it('keeps apostrophes and removes stray quotation marks', () => {
		expect(sanitizeProse("Russia’s and Ukraine's positions “differ.", [])).toBe(
			"Russia’s and Ukraine's positions differ.",
		);
	});
	it('strips links, images, mentions, custom emoji and code', () => {
		expect(
			sanitizeProse(
				'See ![x](https://a.example/i.png)[the report](https://a.example) <https://b.example> `rm` <:flag:123>.',
				[],
			),
		).toBe('See the report rm.');
		expect(sanitizeProse('Hi @here and <@!123> <@&456> <#789> @someone.', [])).toBe('Hi and someone.');
	});
});
