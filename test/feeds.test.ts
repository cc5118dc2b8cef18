import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { isFeedXml } from '../src/feeds/detect.js';
import { parseFeedXml, readFeed } from '../src/feeds/feed.js';
import { send, startServer, type TestServer } from './fixtures/ingest/http-server.js';

const rss = readFileSync('test/fixtures/ingest/feed-rss.xml', 'utf8');
const atom = readFileSync('test/fixtures/ingest/feed-atom.xml', 'utf8');
const limits = { allowPrivateUrls: true, maxBytes: 100_000, timeoutMs: 2_000 };
let server: TestServer;

beforeAll(async () => {
	server = await startServer();
	server.route('/rss', send(rss, 'application/rss+xml'));
	server.route('/atom', send(atom, 'application/atom+xml; charset=utf-8'));
	server.route('/page', send('<html><body><p>Not a feed.</p></body></html>'));
});
afterAll(() => server.close());

describe('RSS 2.0', () => {
	it('yields item links resolved against the feed, tracking parameters dropped, and RSS dates as ISO', () => {
		const feed = parseFeedXml(rss, 'https://wire.example.org/rss', 'rss');
		expect(feed.title).toBe('Example Wire');
		expect(feed.items).toHaveLength(2);
		expect(feed.items[0]).toMatchObject({
			url: 'https://wire.example.org/news/envoy-warns',
			title: 'Envoy warns of delays',
			published: '2025-02-25T10:00:00.000Z',
			author: 'Sam Writer',
			content: null,
		});
		expect(feed.items[1]?.published).toBe('2025-02-26T07:30:00.000Z');
	});
});

describe('Atom', () => {
	it('yields the alternate link, the published date and the full content when the feed carries it', () => {
		const feed = parseFeedXml(atom, null, 'atom');
		expect(feed.title).toBe('Example Dispatch');
		const [full, summary] = feed.items;
		expect(full).toMatchObject({
			url: 'https://dispatch.example.net/2025/03/full-text',
			published: '2025-03-01T09:00:00Z',
			author: 'Lee Author',
			contentIsText: false,
		});
		expect(full?.content).toContain('<p>The foreign ministry of Ruritania');
		expect(summary).toMatchObject({ url: 'https://dispatch.example.net/2025/03/summary-only', content: null });
		expect(summary?.published).toBe('2025-03-02T07:00:00Z');
	});
});

describe('readFeed and detection', () => {
	it('detects feeds by their root element', () => {
		expect(isFeedXml(rss)).toBe(true);
		expect(isFeedXml(atom)).toBe(true);
		expect(isFeedXml('<!-- c --><rdf:RDF xmlns:rdf="x"></rdf:RDF>')).toBe(true);
		expect(isFeedXml('<!doctype html><html></html>')).toBe(false);
		expect(isFeedXml('plain text')).toBe(false);
	});

	it('reads a feed from XML text or from a URL served on 127.0.0.1', async () => {
		expect((await readFeed(rss, limits)).items).toHaveLength(2);
		const fromUrl = await readFeed(`${server.base}/atom`, limits);
		expect(fromUrl.items.map((i) => i.title)).toEqual(['Full text in the feed', 'Summary only']);
	});

	it('says so when a URL is not a feed, and refuses private addresses unless allowed', async () => {
		await expect(readFeed(`${server.base}/page`, limits)).rejects.toThrow(
			`${server.base}/page: not an RSS or Atom feed`,
		);
		const strict = { ...limits, allowPrivateUrls: false };
		await expect(readFeed(`${server.base}/rss`, strict)).rejects.toThrow(/refused: resolves to a loopback address/);
		await expect(readFeed(`${server.base}/rss`, strict)).rejects.toBeInstanceOf(UserError);
	});

	it('refuses unparseable feed XML with a message naming it', () => {
		expect(() => parseFeedXml('<rss><channel><title>x', null, 'broken.xml')).toThrow(
			/broken\.xml: not a readable RSS or Atom feed/,
		);
	});
});
