import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { hashBody } from '../src/ingest/make-article.js';
import { normalizePublished } from '../src/ingest/published.js';
import { articleFromFile, readTextFile } from '../src/ingest/read-file.js';
import { normalizeUrl } from '../src/ingest/url.js';

const FIX = 'test/fixtures/ingest';
const MB = 5_000_000;
const read = async (path: string) => articleFromFile(path, await readTextFile(path, MB));
const tmp = mkdtempSync(join(tmpdir(), 'attache-readers-'));
function file(name: string, content: string | Buffer): string {
	const path = join(tmp, name);
	writeFileSync(path, content);
	return path;
}
async function failure(path: string, maxBytes = MB): Promise<string> {
	try {
		articleFromFile(path, await readTextFile(path, maxBytes));
	} catch (err) {
		expect(err).toBeInstanceOf(UserError);
		return (err as Error).message;
	}
	throw new Error(`expected ${path} to be refused`);
}

describe('markdown with front matter', () => {
	it('reads title, url, date and outlet, and the body starts right after the closing ---, as the scorer reads it', async () => {
		const path = `${FIX}/sample.md`;
		const a = await read(path);
		const raw = readFileSync(path, 'utf8');
		const scorerBody = raw.slice((raw.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/) as RegExpMatchArray)[0].length);
		expect(a.body).toBe(scorerBody);
		expect(a.title).toBe('Ruritania and Granbretan resume talks');
		expect(a.outlet).toBe('The Daily Example');
		expect(a.published).toBe('2024-05-02');
	});

	it('strips credentials, the fragment and tracking parameters from the url, keeping real parameters', async () => {
		const a = await read(`${FIX}/sample.md`);
		expect(a.url).toBe('https://news.example.com/world/talks?id=7');
	});

	it('leaves a missing url, outlet and date null (never the ingest time)', async () => {
		const a = await read(`${FIX}/untitled.md`);
		expect(a).toMatchObject({ url: null, outlet: null, published: null, title: 'A note without a link or a date' });
	});

	it('keeps CRLF bodies byte for byte', async () => {
		const path = file('crlf.md', '---\r\ntitle: T\r\n---\r\nLine one.\r\n"Quoted," she said.\r\n');
		expect((await read(path)).body).toBe('Line one.\r\n"Quoted," she said.\r\n');
	});
});

describe('plain text and HTML files', () => {
	it('reads a .txt file whole, with no metadata', async () => {
		const a = await read(`${FIX}/plain.txt`);
		expect(a.body).toBe(readFileSync(`${FIX}/plain.txt`, 'utf8'));
		expect(a).toMatchObject({ url: null, title: null, published: null, outlet: null });
	});

	it('reads the main text of an HTML page and its og:, JSON-LD and canonical metadata, without navigation or scripts', async () => {
		const a = await read(`${FIX}/article.html`);
		expect(a.title).toBe('Ruritania rejects border proposal');
		expect(a.outlet).toBe('The Daily Example');
		expect(a.published).toBe('2024-03-14T09:30:00Z');
		expect(a.url).toBe('https://news.example.com/world/ruritania-border');
		expect(a.body).toContain('"We will not trade land for promises," Foreign Minister Anna Vogel told reporters');
		expect(a.body).not.toMatch(/trackPageView|Home|2099|All rights reserved/);
		expect(a.body.split('\n\n').length).toBeGreaterThanOrEqual(4);
	});

	it('leaves url, outlet, title and date null for bare HTML', async () => {
		const a = await read(`${FIX}/bare.html`);
		expect(a).toMatchObject({ url: null, outlet: null, title: null, published: null });
		expect(a.body).toContain('"Nothing was agreed," a diplomat said');
	});

	it('honours front matter in a .txt file as the scorer does', async () => {
		const a = await read(file('fm.txt', '---\npublished: 2023-01-02\n---\nBody.\n'));
		expect(a).toMatchObject({ published: '2023-01-02', body: 'Body.\n' });
	});
});

describe('bad files get a clear message naming the file', () => {
	it.each([
		['empty.md', '', 'empty file'],
		['blank.txt', '  \n\n ', 'empty file'],
		['unclosed.md', '---\ntitle: T\nbody with no closing line\n', "no closing '---'"],
		['bad-yaml.md', '---\ntitle: [unclosed\n---\nBody.\n', 'broken front matter'],
		['list-yaml.md', '---\n- a\n- b\n---\nBody.\n', 'broken front matter'],
		['bad-url.md', '---\nurl: not a url\n---\nBody.\n', 'url "not a url" is not an http(s) URL'],
		['bad-date.md', '---\npublished: last tuesday\n---\nBody.\n', 'published "last tuesday" is not a date'],
		['no-body.md', '---\ntitle: T\n---\n\n  \n', 'empty article body'],
	])('%s', async (name, content, expected) => {
		const path = file(name, content);
		const message = await failure(path);
		expect(message).toContain(path);
		expect(message).toContain(expected);
	});

	it('binary content', async () => {
		const path = file('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
		expect(await failure(path)).toBe(`${path}: binary file, not text`);
	});

	it('text that is not UTF-8', async () => {
		const path = file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
		expect(await failure(path)).toContain('not UTF-8');
	});

	it('a file over the size cap', async () => {
		const path = file('big.txt', 'x'.repeat(2_000));
		expect(await failure(path, 1_000)).toBe(`${path}: larger than 1 KB`);
	});

	it('a missing file', async () => {
		expect(await failure(join(tmp, 'nope.md'))).toBe(`${join(tmp, 'nope.md')}: no such file`);
	});

	it('a URL with credentials in front matter is not echoed with them', async () => {
		const message = await failure(file('cred.md', '---\nurl: ftp://bob:hunter2@x.test/a\n---\nBody.\n'));
		expect(message).not.toContain('hunter2');
	});
});

describe('url, date and hash normalisation', () => {
	it('drops credentials, fragments, utm_* and click ids but keeps the query otherwise untouched', () => {
		expect(normalizeUrl('https://a:b@Example.COM/x?q=a%20b&utm_campaign=z&gclid=1#top')).toBe(
			'https://example.com/x?q=a+b',
		);
		expect(normalizeUrl('https://example.com/x?q=a%20b')).toBe('https://example.com/x?q=a%20b');
		expect(normalizeUrl('https://example.com/x?utm_source=a')).toBe('https://example.com/x');
		expect(() => normalizeUrl('file:///etc/passwd')).toThrow(UserError);
	});

	it('keeps ISO dates as given, converts RSS dates, and returns null for anything else', () => {
		expect(normalizePublished('2024-05-02')).toBe('2024-05-02');
		expect(normalizePublished('2024-05-02T10:00:00+02:00')).toBe('2024-05-02T10:00:00+02:00');
		expect(normalizePublished('Tue, 25 Feb 2025 10:00:00 GMT')).toBe('2025-02-25T10:00:00.000Z');
		expect(normalizePublished('2024')).toBeNull();
		expect(normalizePublished('soon')).toBeNull();
		expect(normalizePublished('2024-13-45')).toBeNull();
		expect(normalizePublished(undefined)).toBeNull();
	});

	it('hashes the body with sha256', () => {
		expect(hashBody('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});
