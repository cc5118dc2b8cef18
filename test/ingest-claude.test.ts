import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, parseConfig } from '../src/config.js';
import { UserError } from '../src/errors.js';
import { cacheKey } from '../src/extract/claude.js';
import { extractStatements } from '../src/extract/extract.js';
import { EXTRACTOR_VERSION } from '../src/extract/version.js';
import { createExtractor, type Extractor, rulesExtractor } from '../src/ingest/extractor.js';
import { type IngestResult, ingestSources } from '../src/ingest/ingest.js';
import type { ExtractedItem } from '../src/llm/extractor.js';
import { createSilentLogger } from '../src/log.js';
import type { Store } from '../src/store/store.js';
import { useFakeAnthropic } from './fake-anthropic/setup.js';
import { backends } from './helpers/stores.js';

const ctx = useFakeAnthropic();
const log = createSilentLogger();
const tmp = mkdtempSync(join(tmpdir(), 'attache-ingest-claude-'));
const fast = { 'retry-after-ms': '1' };

// An article written for this test. The sentence about Ostmark has no reporting verb: only the model attributes it.
const bodyFor = (desk: string) =>
	[
		'Valdoria rejected the ceasefire plan on Monday. "We will not sign a document written in another capital," Valdorian Foreign Minister Irena Kosta told reporters in Brenn.',
		'The proposal would freeze the front line for six months. In Ostmark the plan is privately seen as the only realistic option.',
		`Ostmark's chancellor, Lukas Arnhem, struck a softer tone. The chancellor said his government was ready to host a second round of talks. Filed by the ${desk} desk.`,
	].join('\n\n');
const CLAUDE_ONLY = 'the plan is privately seen as the only realistic option';

function articleFile(desk: string): { path: string; body: string } {
	const body = bodyFor(desk);
	const path = join(tmp, `${desk}.md`);
	writeFileSync(path, `---\ntitle: Valdoria rejects ceasefire plan\nurl: https://news.example/${desk}\n---\n${body}\n`);
	// The reader keeps the newline that ends the file.
	return { path, body: `${body}\n` };
}

// Whatever the rules find today (they improve): the test holds the Claude path to adding to them, not to a count.
const rulesFind = (body: string) => extractStatements({ title: 'Valdoria rejects ceasefire plan', body });

const item = (over: Partial<ExtractedItem>): ExtractedItem => ({
	first_sentence: 2,
	last_sentence: 2,
	starts_with: 'We will not sign',
	ends_with: 'another capital',
	kind: 'direct',
	speaker: 'Irena Kosta',
	speaker_as_written: 'Valdorian Foreign Minister Irena Kosta',
	speaker_role: 'Foreign Minister',
	actor: 'Valdoria',
	about_actor: null,
	stance: 'oppose',
	...over,
});
const modelSays = JSON.stringify({
	statements: [
		item({}),
		item({
			first_sentence: 4,
			last_sentence: 4,
			starts_with: 'the plan is privately',
			ends_with: 'realistic option',
			kind: 'indirect',
			speaker: 'Ostmark officials',
			speaker_as_written: 'Ostmark',
			speaker_role: null,
			actor: 'Ostmark',
			stance: 'support',
		}),
		// Not in the article: must be dropped, never stored.
		item({ first_sentence: 3, last_sentence: 3, starts_with: 'a lasting peace', ends_with: 'is near' }),
	],
});

const configWith = (env: Record<string, string>): Config =>
	parseConfig({
		ANTHROPIC_API_KEY: 'test-key',
		ANTHROPIC_BASE_URL: ctx.fake.url,
		EXTRACTOR: 'auto',
		LLM_TIMEOUT_MS: '2000',
		LLM_MAX_RETRIES: '0',
		...env,
	});

describe('choosing the extractor', () => {
	it('uses the rules when asked to, or when auto has no key', () => {
		expect(createExtractor(configWith({ EXTRACTOR: 'rules' }), log, {} as Store)).toBe(rulesExtractor);
		expect(createExtractor(configWith({ ANTHROPIC_API_KEY: '' }), log, {} as Store)).toBe(rulesExtractor);
	});

	it('refuses EXTRACTOR=claude without a key, with a message that says what to do', () => {
		const make = () => createExtractor(configWith({ EXTRACTOR: 'claude', ANTHROPIC_API_KEY: '' }), log, {} as Store);
		expect(make).toThrow(UserError);
		expect(make).toThrow('EXTRACTOR=claude needs ANTHROPIC_API_KEY; set the key or use EXTRACTOR=auto.');
	});

	it('versions Claude extractions by rules, model and prompt, so a change to any of them re-extracts', () => {
		const extractor = createExtractor(configWith({ ANTHROPIC_MODEL: 'claude-haiku-5-5' }), log, {} as Store);
		expect(extractor.version).toBe(`${EXTRACTOR_VERSION}+claude:claude-haiku-5-5:1`);
	});
});

describe.each(backends)('ingest with the Claude path on $name', ({ skip, open }) => {
	if (skip) it.skip(`skipped: ${skip}`, () => {});
	if (skip) return;
	let store: Store;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store?.close());

	const ingest = async (path: string, extract: Extractor): Promise<IngestResult> => {
		const config = configWith({});
		const [result] = await ingestSources([path], { store, log, config, extract });
		if (!result) throw new Error('no result');
		return result;
	};
	const storedFor = async (articleId: number | undefined) =>
		(await store.statements.find({ limit: 500 })).filter((s) => s.articleId === articleId);

	it('merges the rule and Claude statements, every one verbatim, and drops what the model made up', async () => {
		const { path, body } = articleFile('merge');
		const rules = rulesFind(body);
		expect(rules.some((s) => s.quote.includes('realistic'))).toBe(false);
		ctx.fake.enqueue({ text: modelSays });
		const result = await ingest(path, createExtractor(configWith({}), log, store));
		expect(result).toMatchObject({ ok: true, outcome: 'inserted', statements: rules.length + 1 });
		expect(result.stored).toBe(rules.length + 1);
		const stored = await storedFor(result.articleId);
		for (const s of stored) expect(body.slice(s.start, s.end)).toBe(s.quote);
		for (const r of rules) expect(stored.map((s) => s.quote)).toContain(r.quote);
		expect(stored.filter((s) => s.extractor === 'claude')).toEqual([
			expect.objectContaining({
				quote: CLAUDE_ONLY,
				speaker: 'Ostmark officials',
				kind: 'indirect',
				stance: 'support',
			}),
		]);
		expect(stored.some((s) => s.quote.includes('lasting peace'))).toBe(false);
		expect(ctx.fake.requests).toHaveLength(1);
	});

	it('re-extracts after a rules version bump from the cache: the model is not asked again', async () => {
		const { path } = articleFile('cache');
		ctx.fake.enqueue({ text: modelSays });
		const first = await ingest(path, createExtractor(configWith({}), log, store));
		// A new process with newer rules: the same body, model and prompt.
		const newer = { ...rulesExtractor, version: `${rulesExtractor.version}-next` };
		const bumped = createExtractor(configWith({}), log, store, { rules: newer });
		const second = await ingest(path, bumped);
		expect(second).toMatchObject({ ok: true, outcome: 'reextracted', statements: first.statements });
		expect(await storedFor(second.articleId)).toEqual(await storedFor(first.articleId));
		expect(ctx.fake.requests).toHaveLength(1);
		const again = await ingest(path, bumped);
		expect(again).toMatchObject({ outcome: 'unchanged', statements: 0, stored: first.statements });
	});

	it.each([529, 500])(
		'keeps the rule output when the API answers %i, and tries Claude again next time',
		async (status) => {
			const { path, body } = articleFile(`outage-${status}`);
			ctx.fake.enqueue({ status, headers: fast });
			const extractor = createExtractor(configWith({}), log, store);
			const down = await ingest(path, extractor);
			const rules = rulesFind(body);
			expect(down).toMatchObject({ ok: true, outcome: 'inserted', statements: rules.length });
			const rulesOnly = await storedFor(down.articleId);
			expect(rulesOnly.map((s) => [s.extractor, s.quote])).toEqual(rules.map((r) => ['rules', r.quote]));

			ctx.fake.enqueue({ text: modelSays });
			const back = await ingest(path, extractor);
			expect(back).toMatchObject({ ok: true, outcome: 'reextracted', statements: rules.length + 1 });
			expect(ctx.fake.requests).toHaveLength(2);
		},
	);

	it('treats a cached entry of the wrong shape as a miss and replaces it', async () => {
		const { path, body } = articleFile('corrupt');
		const key = cacheKey(body, configWith({}).anthropic.model);
		await store.extractions.set(key, [{ start: 'zero', quote: 'made up' }]);
		ctx.fake.enqueue({ text: modelSays });
		const result = await ingest(path, createExtractor(configWith({}), log, store));
		expect(result).toMatchObject({ ok: true, statements: rulesFind(body).length + 1 });
		expect(ctx.fake.requests).toHaveLength(1);
		expect(await store.extractions.get(key)).toEqual([
			expect.objectContaining({ kind: 'direct', speaker: 'Irena Kosta' }),
			expect.objectContaining({ kind: 'indirect', speaker: 'Ostmark officials' }),
		]);
	});

	it('keeps cache entries apart by key and replaces an entry on a second write', async () => {
		expect(await store.extractions.get('absent')).toBeNull();
		await store.extractions.set('k1', [{ a: 1 }]);
		await store.extractions.set('k2', [{ b: 'ü “quoted”' }]);
		await store.extractions.set('k1', [{ a: 2 }, { a: 3 }]);
		expect(await store.extractions.get('k1')).toEqual([{ a: 2 }, { a: 3 }]);
		expect(await store.extractions.get('k2')).toEqual([{ b: 'ü “quoted”' }]);
	});
});
