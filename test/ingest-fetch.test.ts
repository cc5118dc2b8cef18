import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { type FetchLimits, fetchGuarded } from '../src/ingest/fetch.js';
import { privateAddressKind } from '../src/ingest/private-address.js';
import { send, startServer, type TestServer } from './fixtures/ingest/http-server.js';

const open: FetchLimits = { allowPrivateUrls: true, maxBytes: 100_000, timeoutMs: 2_000 };
// Private addresses refused, except the test server itself: lets a redirect to another private address be tested.
const guarded: FetchLimits = { ...open, allowPrivateUrls: false, allowAddresses: ['127.0.0.1'] };
let server: TestServer;

async function refusal(url: string, limits: FetchLimits): Promise<string> {
	try {
		await fetchGuarded(url, limits);
	} catch (err) {
		expect(err).toBeInstanceOf(UserError);
		return (err as Error).message;
	}
	throw new Error(`expected ${url} to be refused`);
}

beforeAll(async () => {
	server = await startServer();
	server.route('/article', send(readFileSync('test/fixtures/ingest/article.html', 'utf8')));
	server.route('/text', send('Plain words.', 'text/plain'));
	server.route('/feed', send(readFileSync('test/fixtures/ingest/feed-rss.xml', 'utf8'), 'application/rss+xml'));
	server.route('/feed-as-html', send(readFileSync('test/fixtures/ingest/feed-atom.xml', 'utf8'), 'text/html'));
	server.route('/xml', send('<?xml version="1.0"?><config><a/></config>', 'application/xml'));
	server.route('/image', send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
	server.route('/gone', send('gone', 'text/html', 410));
	server.route('/latin1', send(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1'));
	server.route('/huge-declared', send('x'.repeat(200_000), 'text/plain'));
	server.route('/huge-streamed', (_req, res) => {
		res.writeHead(200, { 'content-type': 'text/plain' });
		const chunk = 'y'.repeat(10_000);
		let sent = 0;
		const pump = () => {
			while (sent < 50 && res.write(chunk)) sent++;
			if (sent < 50) res.once('drain', pump);
			else res.end();
		};
		pump();
	});
	server.route('/slow', (_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.write('<html>'); // then never finishes
	});
	server.route('/to-article', (_req, res) => void res.writeHead(302, { location: '/article' }).end());
	server.route(
		'/to-metadata',
		(_req, res) => void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
	);
	server.route('/to-file', (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end());
	server.route('/loop', (_req, res) => void res.writeHead(307, { location: '/loop' }).end());
});
afterAll(() => server.close());

describe('fetchGuarded', () => {
	it('fetches an HTML page, following a redirect, and reports the final URL', async () => {
		const page = await fetchGuarded(`${server.base}/to-article`, open);
		expect(page).toMatchObject({ url: `${server.base}/article`, kind: 'html' });
		expect(page.text).toContain('Ruritania rejects border proposal');
	});

	it('classifies plain text and feeds, even a feed served as text/html', async () => {
		expect((await fetchGuarded(`${server.base}/text`, open)).kind).toBe('text');
		expect((await fetchGuarded(`${server.base}/feed`, open)).kind).toBe('feed');
		expect((await fetchGuarded(`${server.base}/feed-as-html`, open)).kind).toBe('feed');
	});

	it('decodes the declared charset', async () => {
		expect((await fetchGuarded(`${server.base}/latin1`, open)).text).toBe('café');
	});

	it('never sends or shows credentials from the URL', async () => {
		const withCreds = server.base.replace('http://', 'http://alice:s3cret@');
		const page = await fetchGuarded(`${withCreds}/text?utm_source=x#frag`, open);
		expect(page.url).toBe(`${server.base}/text`);
		expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
		expect(await refusal(`${withCreds}/gone`, open)).toBe(`${server.base}/gone: HTTP 410`);
	});

	it.each([
		['/gone', 'HTTP 410'],
		['/missing', 'HTTP 404'],
		['/image', 'unsupported content type image/png (expected HTML, plain text, RSS or Atom)'],
		['/xml', 'XML that is not an RSS or Atom feed'],
		['/huge-declared', 'larger than 100 KB'],
		['/huge-streamed', 'larger than 100 KB'],
		['/loop', 'too many redirects (more than 5)'],
		['/to-file', 'refused: redirect to a non-http URL (file:)'],
	])('%s is refused with a clear message', async (path, expected) => {
		const message = await refusal(`${server.base}${path}`, open);
		expect(message.startsWith(`${server.base}${path}`)).toBe(true);
		expect(message).toContain(expected);
	});

	it('gives up after the time limit', async () => {
		const message = await refusal(`${server.base}/slow`, { ...open, timeoutMs: 300 });
		expect(message).toBe(`${server.base}/slow: timed out after 0.3 s`);
	});
});

describe('private addresses', () => {
	it('refuses loopback by IP and by name, without sending any request, when private URLs are not allowed', async () => {
		const before = server.requests.length;
		const strict = { ...open, allowPrivateUrls: false };
		expect(await refusal(`${server.base}/article`, strict)).toBe(
			`${server.base}/article: refused: resolves to a loopback address 127.0.0.1`,
		);
		const port = new URL(server.base).port;
		expect(await refusal(`http://localhost:${port}/article`, strict)).toMatch(
			/refused: resolves to a loopback address (127\.0\.0\.1|::1)/,
		);
		expect(await refusal('http://10.0.0.5/', strict)).toBe(
			'http://10.0.0.5/: refused: resolves to a private address 10.0.0.5',
		);
		expect(await refusal('http://[::ffff:169.254.169.254]/', strict)).toContain(
			'refused: resolves to a link-local address',
		);
		expect(server.requests.length).toBe(before);
	});

	it('refuses a redirect to the cloud metadata address', async () => {
		expect(await refusal(`${server.base}/to-metadata`, guarded)).toBe(
			`${server.base}/to-metadata (redirected to http://169.254.169.254/latest/meta-data/): refused: resolves to a link-local address 169.254.169.254`,
		);
	});

	it.each([
		['10.0.0.5', 'private'],
		['172.16.3.4', 'private'],
		['192.168.1.1', 'private'],
		['127.0.0.2', 'loopback'],
		['169.254.169.254', 'link-local'],
		['100.100.100.200', 'CGNAT'],
		['0.0.0.0', 'unspecified'],
		['::1', 'loopback'],
		['fd00:ec2::254', 'unique-local'],
		['fe80::1', 'link-local'],
		['::ffff:10.0.0.1', 'private'],
		['64:ff9b::7f00:1', 'loopback'],
		['8.8.8.8', null],
		['2606:4700:4700::1111', null],
	])('%s is %s', (ip, kind) => {
		expect(privateAddressKind(ip)).toBe(kind);
	});
});
