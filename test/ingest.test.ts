import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { UserError } from '../src/errors.js';
import type { Statement } from '../src/extract/statement.js';
import type { Article } from '../src/ingest/article.js';
import { type IngestDeps, ingestSources, ingestUrl } from '../src/ingest/ingest.js';
import { createSilentLogger } from '../src/log.js';
import type { Store } from '../src/store/store.js';
import { fakeExtractor } from './fixtures/ingest/fake-extractor.js';
import { send, startServer, type TestServer } from './fixtures/ingest/http-server.js';
import { backends } from './helpers/stores.js';

const FIX = 'test/fixtures/ingest';
const log = createSilentLogger();
const config = parseConfig({ INGEST_ALLOW_PRIVATE_URLS: 'true', INGEST_MAX_BYTES: '20000', INGEST_TIMEOUT_MS: '3000' });
const strictConfig = parseConfig({ INGEST_MAX_BYTES: '20000', INGEST_TIMEOUT_MS: '3000' });

let server: TestServer;
const tmp = mkdtempSync(join(tmpdir(), 'attache-ingest-'));
function file(name: string, content: string | Buffer): string {
	const path = join(tmp, name);
	writeFileSync(path, content);
	return path;
}
const page = (title: string, text: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="Local Wire"></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;

beforeAll(async () => {
	server = await startServer();
	server.route(
		'/rss',
		send(
			readFileSync(`${FIX}/feed-rss.xml`, 'utf8').replaceAll('https://wire.example.org', server.base),
			'application/rss+xml',
		),
	);
	server.route(
		'/atom',
		send(
			readFileSync(`${FIX}/feed-atom.xml`, 'utf8').replaceAll('https://dispatch.example.net', server.base),
			'application/atom+xml',
		),
	);
	server.route(
		'/news/envoy-warns',
		send(page('Envoy warns of delays', '"Talks will take months," the envoy said on Tuesday.')),
	);
	server.route(
		'/news/ministry-position',
		send(page('Ministry outlines position', 'The ministry said "our position is unchanged" in a statement.')),
	);
	server.route(
		'/2025/03/summary-only',
		send(page('Summary only', 'A spokesman said the meeting was "useful but inconclusive" overall.')),
	);
	server.route('/article', send(readFileSync(`${FIX}/article.html`, 'utf8')));
	server.route('/to-private', (_req, res) => void res.writeHead(302, { location: 'http://10.1.2.3/x' }).end());
});
afterAll(() => server.close());

describe.each(backends)('ingest on $name', ({ skip, open }) => {
	if (skip) it.skip(`skipped: ${skip}`, () => {});
	if (skip) return;
	let store: Store;
	let saved: Article[];
	let deps: IngestDeps;
	beforeEach(async () => {
		store = await open();
		saved = [];
		// A recording wrapper over the real store: lets tests see exactly what was saved (addedBy, url).
		const articles = {
			...store.articles,
			save: (a: Article, statements: Statement[], version: string) => {
				saved.push(a);
				return store.articles.save(a, statements, version);
			},
		};
		deps = { store: { ...store, articles }, log, config, extract: fakeExtractor('v1') };
	});
	afterEach(() => store.close());

	const allIds = async () => (await store.statements.find({ limit: 1000 })).map((s) => s.id).sort();

	it('stores every good file of a batch and names each bad one; the rest still goes in', async () => {
		const bad = [
			file('empty.md', ''),
			file('binary.txt', Buffer.from([1, 2, 0, 3])),
			file('broken.md', '---\ntitle: [oops\n---\nBody "text" here.\n'),
			file('big.txt', `"${'word '.repeat(5000)}"`),
			join(tmp, 'missing.md'),
		];
		const good = [`${FIX}/sample.md`, `${FIX}/plain.txt`, `${FIX}/article.html`, `${FIX}/untitled.md`];
		const results = await ingestSources(
			[bad[0] as string, ...good.slice(0, 2), ...bad.slice(1), ...good.slice(2)],
			deps,
		);
		expect(results.filter((r) => r.ok).map((r) => r.outcome)).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
		const failures = results.filter((r) => !r.ok);
		expect(failures.map((r) => r.source)).toEqual(bad);
		for (const f of failures) expect(f.error).toContain(f.source);
		expect(failures.map((f) => f.error?.slice(f.source.length + 2))).toEqual([
			'empty file',
			'binary file, not text',
			expect.stringContaining('broken front matter'),
			'larger than 20 KB',
			'no such file',
		]);
		expect((await store.articles.stats()).articles).toBe(4);
		expect(results.find((r) => r.source.endsWith('sample.md'))?.statements).toBe(2);
	});

	it('is idempotent: a second run changes nothing, skips extraction, and keeps statement ids', async () => {
		const sources = [`${FIX}/sample.md`, `${FIX}/plain.txt`, `${FIX}/untitled.md`];
		await ingestSources(sources, deps);
		const ids = await allIds();
		const extractor = fakeExtractor('v1');
		const again = await ingestSources(sources, { ...deps, extract: extractor });
		expect(again.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(extractor.calls).toBe(0);
		expect(await allIds()).toEqual(ids);
	});

	it('re-extracts when the extractor version changed, keeping ids of the same spans', async () => {
		await ingestSources([`${FIX}/sample.md`], deps);
		const ids = await allIds();
		const [result] = await ingestSources([`${FIX}/sample.md`], { ...deps, extract: fakeExtractor('v2') });
		expect(result).toMatchObject({ ok: true, outcome: 'reextracted', statements: 2 });
		expect(await allIds()).toEqual(ids);
		expect((await store.statements.find({})).every((s) => s.extractorVersion === 'v2')).toBe(true);
	});

	it('updates an article whose body changed under the same URL', async () => {
		const v1 = file('story.md', '---\nurl: https://x.example/story\n---\nFirst "draft" text.\n');
		await ingestSources([v1], deps);
		writeFileSync(v1, '---\nurl: https://x.example/story\n---\nSecond "draft" text, corrected.\n');
		const [result] = await ingestSources([v1], deps);
		expect(result?.outcome).toBe('updated');
		expect((await store.articles.stats()).articles).toBe(1);
	});

	it('stores URLs without credentials or tracking parameters, nulls for what is unknown, and who added it', async () => {
		await ingestSources([`${FIX}/sample.md`, `${FIX}/untitled.md`], deps);
		expect(saved.map((a) => [a.url, a.published, a.outlet, a.addedBy])).toEqual([
			['https://news.example.com/world/talks?id=7', '2024-05-02', 'The Daily Example', 'cli'],
			[null, null, null, 'cli'],
		]);
		const quotes = await store.statements.find({});
		expect(quotes.find((s) => s.url === null)?.published).toBeNull();
	});

	it('ingests an RSS feed by fetching each item page', async () => {
		const results = await ingestSources([`${server.base}/rss`], deps);
		expect(results.map((r) => [r.source, r.outcome])).toEqual([
			[`${server.base}/news/envoy-warns`, 'inserted'],
			[`${server.base}/news/ministry-position`, 'inserted'],
		]);
		expect(saved.map((a) => [a.title, a.outlet, a.published])).toEqual([
			['Envoy warns of delays', 'Local Wire', '2025-02-25T10:00:00.000Z'],
			['Ministry outlines position', 'Local Wire', '2025-02-26T07:30:00.000Z'],
		]);
	});

	it('ingests an Atom feed, using full content from the feed and fetching summary-only items', async () => {
		const results = await ingestSources([`${server.base}/atom`], deps);
		expect(results.every((r) => r.ok)).toBe(true);
		const [full, fetched] = saved;
		expect(full?.body).toContain('"Our chair will stay empty until the blockade is lifted,"');
		expect(full?.outlet).toBe('Example Dispatch');
		expect(fetched?.body).toContain('"useful but inconclusive"');
		expect(server.requests.some((r) => r.url === '/2025/03/full-text')).toBe(false);
	});

	it('ingests a URL for a Discord user, and refuses private addresses, redirects to them, and file paths', async () => {
		const [result] = await ingestUrl(`${server.base}/article`, deps, '123456789012345678');
		expect(result).toMatchObject({ ok: true, outcome: 'inserted', title: 'Ruritania rejects border proposal' });
		expect(result?.extracted?.map((s) => s.quote)).toContain('We will not trade land for promises,');
		expect(saved[0]?.addedBy).toBe('123456789012345678');

		const strict = { ...deps, config: strictConfig };
		await expect(ingestUrl(`${server.base}/article`, strict, 'u')).rejects.toThrow(
			/refused: resolves to a loopback address/,
		);
		const exempt = { ...strict, fetchLimits: { allowAddresses: ['127.0.0.1'] } };
		await expect(ingestUrl(`${server.base}/to-private`, exempt, 'u')).rejects.toThrow(
			/redirected to http:\/\/10\.1\.2\.3\/x\): refused: resolves to a private address 10\.1\.2\.3/,
		);
		await expect(ingestUrl(`${FIX}/sample.md`, deps, 'u')).rejects.toBeInstanceOf(UserError);
		expect(saved).toHaveLength(1);
	});

	it('never stores a quote that is not verbatim at its offsets, nor the same span twice', async () => {
		const honest = fakeExtractor('v1');
		const sloppy = {
			version: 'v1',
			extract: (a: { title: string | null; body: string }) => {
				const [first, ...rest] = honest.extract(a);
				if (!first) return rest;
				return [first, { ...first }, { ...first, start: first.start + 1 }, ...rest];
			},
		};
		const [result] = await ingestSources([`${FIX}/sample.md`], { ...deps, extract: sloppy });
		expect(result?.statements).toBe(2);
		expect((await store.statements.find({})).map((s) => s.quote)).toEqual(
			expect.arrayContaining(['We are here to listen, not to lecture,']),
		);
	});

	it('reports a failing URL in a batch and stores the rest', async () => {
		const results = await ingestSources([`${server.base}/missing`, `${FIX}/plain.txt`], { ...deps });
		expect(results.map((r) => [r.ok, r.error ?? r.outcome])).toEqual([
			[false, `${server.base}/missing: HTTP 404`],
			[true, 'inserted'],
		]);
	});
});
