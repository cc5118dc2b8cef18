import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { UserError } from '../src/errors.js';
import { type FetchLimits, fetchGuarded } from '../src/ingest/fetch.js';
import { ingestUrl } from '../src/ingest/ingest.js';
import type { ResolveHost } from '../src/ingest/pinned-lookup.js';
import { createSilentLogger } from '../src/log.js';
import { send, startServer, type TestServer } from './fixtures/ingest/http-server.js';
import { openTestStore } from './helpers/stores.js';

// Host names under .test never resolve on a real network (RFC 6761): the resolver each test passes is the only DNS.
let server: TestServer;
let port: string;

const v4 = (address: string): LookupAddress => ({ address, family: 4 });

/** A resolver that answers from a table and counts its calls, like a DNS server an attacker controls. */
function dns(table: Record<string, LookupAddress[] | (() => LookupAddress[])>) {
	const calls: string[] = [];
	const resolve: ResolveHost = async (hostname) => {
		calls.push(hostname);
		const entry = table[hostname];
		if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
		return typeof entry === 'function' ? entry() : entry;
	};
	return { resolve, calls };
}

const strict = (resolveHost: ResolveHost, allowAddresses?: string[]): FetchLimits => ({
	allowPrivateUrls: false,
	maxBytes: 100_000,
	timeoutMs: 2_000,
	resolveHost,
	allowAddresses,
});

async function refusal(url: string, limits: FetchLimits): Promise<string> {
	const err = await fetchGuarded(url, limits).then(
		() => null,
		(e: unknown) => e,
	);
	expect(err).toBeInstanceOf(UserError);
	return (err as Error).message;
}

beforeAll(async () => {
	server = await startServer();
	port = new URL(server.base).port;
	server.route('/page', send('<html><body><p>Hello from the test server.</p></body></html>'));
	server.route(
		'/to-internal',
		(_req, res) => void res.writeHead(302, { location: `http://internal.test:${port}/page` }).end(),
	);
});
afterAll(() => server.close());

describe('fetch pinned to the addresses it checked', () => {
	it('refuses a host name that resolves to 127.0.0.1 without sending any request', async () => {
		const { resolve } = dns({ 'evil.test': [v4('127.0.0.1')] });
		const before = server.requests.length;
		expect(await refusal(`http://evil.test:${port}/page`, strict(resolve))).toBe(
			`http://evil.test:${port}/page: refused: resolves to a loopback address 127.0.0.1`,
		);
		expect(server.requests.length).toBe(before);
	});

	it('refuses a host when any of its addresses is private, whichever one a connection would pick', async () => {
		const { resolve } = dns({ 'mixed.test': [v4('93.184.216.34'), { address: '::ffff:10.0.0.7', family: 6 }] });
		expect(await refusal(`http://mixed.test:${port}/page`, strict(resolve))).toBe(
			`http://mixed.test:${port}/page: refused: resolves to a private address ::ffff:10.0.0.7`,
		);
	});

	it('connects to exactly the address it checked: DNS is asked once, so a rebinding answer comes too late', async () => {
		let answers = 0;
		// First answer: the allowed test server. Any later answer: the cloud metadata address.
		const { resolve, calls } = dns({
			'news.test': () => [v4(answers++ === 0 ? '127.0.0.1' : '169.254.169.254')],
		});
		const page = await fetchGuarded(`http://news.test:${port}/page`, strict(resolve, ['127.0.0.1']));
		expect(page.text).toContain('Hello from the test server.');
		expect(server.requests.at(-1)?.headers.host).toBe(`news.test:${port}`);
		expect(calls).toEqual(['news.test']);
	});

	it('checks the host of every redirect as it connects', async () => {
		const { resolve } = dns({ 'hop.test': [v4('127.0.0.1')], 'internal.test': [v4('192.168.1.20')] });
		expect(await refusal(`http://hop.test:${port}/to-internal`, strict(resolve, ['127.0.0.1']))).toBe(
			`http://hop.test:${port}/to-internal (redirected to http://internal.test:${port}/page): refused: resolves to a private address 192.168.1.20`,
		);
	});

	it('names a host that does not exist', async () => {
		const { resolve } = dns({});
		expect(await refusal(`http://nowhere.test:${port}/page`, strict(resolve))).toBe(
			`http://nowhere.test:${port}/page: host nowhere.test not found`,
		);
	});

	it('refuses through /ingest too, and stores nothing', async () => {
		const store = await openTestStore();
		try {
			const { resolve } = dns({ 'evil.test': [v4('10.1.2.3')] });
			const config = parseConfig({ INGEST_TIMEOUT_MS: '2000' });
			const deps = { store, log: createSilentLogger(), config, fetchLimits: { resolveHost: resolve } };
			await expect(ingestUrl(`http://evil.test:${port}/page`, deps, 'u1')).rejects.toThrow(
				`http://evil.test:${port}/page: refused: resolves to a private address 10.1.2.3`,
			);
			expect((await store.articles.stats()).articles).toBe(0);
		} finally {
			await store.close();
		}
	});
});
