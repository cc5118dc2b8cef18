import type { MessageCreateParams } from '@anthropic-ai/sdk/resources/messages';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import type { ArticleText } from '../src/extract/attribution.js';
import { createMemoryExtractionCache, type ExtractionDeps, extractArticle } from '../src/extract/claude.js';
import { splitSentences } from '../src/extract/claude-spans.js';
import type { Statement } from '../src/extract/statement.js';
import { type ClaudeExtractor, createClaudeExtractor, type ExtractedItem } from '../src/llm/extractor.js';
import { createSilentLogger } from '../src/log.js';
import { llmConfig, useFakeAnthropic } from './fake-anthropic/setup.js';

const ctx = useFakeAnthropic();

// An article written for this test.
const body = [
	'Moscow rejected the proposal on Tuesday. “We will never accept foreign troops on our borders,” Kremlin spokesman Dmitry Peskov told reporters. He said the plan was a provocation.',
	'French President Emmanuel Macron said Russia had privately agreed to the idea. "The door is open," Macron said.',
].join('\n\n');
const article: ArticleText = { title: 'Kremlin rejects troop plan', body };

const item = (over: Partial<ExtractedItem>): ExtractedItem => ({
	first_sentence: 2,
	last_sentence: 2,
	starts_with: 'We will never',
	ends_with: 'on our borders',
	kind: 'direct',
	speaker: 'Dmitry Peskov',
	speaker_as_written: 'Dmitry Peskov',
	speaker_role: 'Kremlin spokesman',
	actor: 'Russia',
	about_actor: null,
	stance: 'oppose',
	...over,
});
const modelOutput = [
	item({}),
	item({
		first_sentence: 3,
		last_sentence: 3,
		starts_with: 'the plan was',
		ends_with: 'provocation.',
		kind: 'indirect',
		speaker_as_written: 'He',
	}),
	item({
		first_sentence: 4,
		last_sentence: 4,
		starts_with: 'Russia had  privately',
		ends_with: 'to the idea',
		kind: 'indirect',
		speaker: 'Emmanuel Macron',
		speaker_as_written: 'French President Emmanuel Macron',
		speaker_role: 'French President',
		actor: 'France',
		about_actor: 'Russia',
		stance: 'support',
	}),
	item({
		first_sentence: 5,
		last_sentence: 5,
		starts_with: '“the door',
		ends_with: 'is open,”',
		speaker: 'Emmanuel Macron',
		actor: 'France',
	}),
	item({
		first_sentence: 5,
		last_sentence: 5,
		starts_with: 'The window is',
		ends_with: 'open',
		speaker: 'Emmanuel Macron',
	}),
	item({ first_sentence: 9, last_sentence: 9 }),
];

const rule = (over: Partial<Statement>): Statement => ({
	start: 0,
	end: 1,
	quote: '',
	kind: 'direct',
	speaker: 'Dmitry Peskov',
	speakerAsWritten: 'Peskov',
	speakerRole: null,
	actor: null,
	aboutActor: null,
	topic: 'european-peacekeepers',
	stance: null,
	cue: 'told',
	context: '',
	confidence: 0.9,
	extractor: 'rules',
	extractorVersion: 'rules-1',
	...over,
});
const span = (quote: string, over: Partial<Statement> = {}) => {
	const start = body.indexOf(quote);
	return rule({ start, end: start + quote.length, quote, ...over });
};

let extractor: ClaudeExtractor;
beforeAll(async () => {
	extractor = createClaudeExtractor(
		llmConfig(ctx.fake.url, { LLM_MAX_RETRIES: '0' }),
		createSilentLogger(),
	) as ClaudeExtractor;
});

function deps(over: Partial<ExtractionDeps> = {}): ExtractionDeps {
	return {
		mode: 'auto',
		extractor,
		cache: createMemoryExtractionCache(),
		log: createSilentLogger(),
		rules: () => [],
		...over,
	};
}

describe('Claude extraction', () => {
	it('cuts every quote verbatim from the body and drops those it cannot place', async () => {
		ctx.fake.enqueue({ text: JSON.stringify({ statements: modelOutput }) });
		const statements = await extractArticle(article, deps());
		expect(statements.map((s) => s.quote)).toEqual([
			'We will never accept foreign troops on our borders',
			'the plan was a provocation',
			'Russia had privately agreed to the idea',
			'The door is open',
		]);
		for (const s of statements) expect(body.slice(s.start, s.end)).toBe(s.quote);
		expect(statements[2]).toMatchObject({
			speaker: 'Emmanuel Macron',
			actor: 'France',
			aboutActor: 'Russia',
			stance: 'support',
			extractor: 'claude',
		});
		expect(statements[1]).toMatchObject({
			kind: 'indirect',
			speakerAsWritten: 'He',
			context: 'He said the plan was a provocation.',
		});
	});

	it('asks for sentence ids and anchors with structured output, never with citations', async () => {
		await extractArticle(article, deps());
		const sent = ctx.fake.requests[0]?.body as MessageCreateParams;
		expect(sent.output_config?.format?.type).toBe('json_schema');
		expect(sent.thinking).toEqual({ type: 'disabled' });
		const input = JSON.parse(sent.messages[0]?.content as string);
		expect(input.sentences).toHaveLength(5);
		expect(input.sentences[1]).toEqual({ id: 2, text: body.split('. ')[1]?.concat('.') });
	});

	it('merges with the rules: the surer reading wins, the other fills its gaps, new finds are added', async () => {
		ctx.fake.enqueue({ text: JSON.stringify({ statements: modelOutput.slice(0, 3) }) });
		const rules = [
			span('We will never accept foreign troops on our borders,', { confidence: 0.95 }),
			span('Russia had privately agreed to the idea', { speaker: 'Macron aide', confidence: 0.4, kind: 'indirect' }),
		];
		const merged = await extractArticle(article, deps({ rules: () => rules }));
		expect(merged.map((s) => [s.extractor, s.speaker, s.actor])).toEqual([
			['rules', 'Dmitry Peskov', 'Russia'],
			['claude', 'Dmitry Peskov', 'Russia'],
			['claude', 'Emmanuel Macron', 'France'],
		]);
		expect(merged[0]?.stance).toBe('oppose');
		expect(merged[0]?.topic).toBe('european-peacekeepers');
	});

	it('keeps the rule output when the model returns malformed JSON', async () => {
		const rules = [span('We will never accept foreign troops on our borders')];
		ctx.fake.enqueue({ text: '{"statements": [{"first_sentence": 2, "starts_with": "We' });
		expect(await extractArticle(article, deps({ rules: () => rules }))).toEqual(rules);
	});

	it('keeps the well-formed items when some are malformed', async () => {
		ctx.fake.enqueue({ text: JSON.stringify({ statements: [{ ...item({}), kind: 'sarcastic' }, modelOutput[1]] }) });
		const statements = await extractArticle(article, deps());
		expect(statements.map((s) => s.quote)).toEqual(['the plan was a provocation']);
	});

	it('keeps the rule output when the API is unavailable', async () => {
		const rules = [span('The door is open')];
		ctx.fake.enqueue({ status: 529 });
		expect(await extractArticle(article, deps({ rules: () => rules }))).toEqual(rules);
	});

	it('caches by body and model, so an unchanged article costs one call', async () => {
		const cache = createMemoryExtractionCache();
		ctx.fake.enqueue({ text: JSON.stringify({ statements: modelOutput }) });
		const once = await extractArticle(article, deps({ cache }));
		const twice = await extractArticle(article, deps({ cache }));
		expect(twice).toEqual(once);
		expect(ctx.fake.requests).toHaveLength(1);
		await extractArticle({ ...article, body: `${body} More.` }, deps({ cache }));
		expect(ctx.fake.requests).toHaveLength(2);
	});

	it('uses the rules alone when asked to, or when auto has no key; claude without a key is an error', async () => {
		const rules = [span('The door is open')];
		expect(await extractArticle(article, deps({ mode: 'rules', rules: () => rules }))).toEqual(rules);
		expect(await extractArticle(article, deps({ extractor: null, rules: () => rules }))).toEqual(rules);
		await expect(extractArticle(article, deps({ mode: 'claude', extractor: null }))).rejects.toBeInstanceOf(UserError);
		expect(ctx.fake.requests).toHaveLength(0);
	});
});

describe('splitSentences', () => {
	it('splits at sentence ends and paragraphs, not after titles, initials or U.S.', () => {
		const text = 'Mr. Peskov spoke. Donald J. Trump and U.S. officials agreed! "Fine," he said.\n\nNew paragraph';
		expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
			'Mr. Peskov spoke.',
			'Donald J. Trump and U.S. officials agreed!',
			'"Fine," he said.',
			'New paragraph',
		]);
	});
});
