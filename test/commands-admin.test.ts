import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { parseConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deploy.js';
import type { Store } from '../src/store/store.js';
import { type Harness, startHarness } from './discord-harness.js';
import { MEMBER_PERMISSIONS } from './fake-discord/payloads.js';
import { openTestStore } from './helpers/stores.js';

const ARTICLE = `<!doctype html><html><head><title>Ruritania rejects border plan</title>
<meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2025-04-02T10:00:00Z"></head>
<body><article><h1>Ruritania rejects border plan</h1>
<p>"We will never accept foreign troops on our border," Foreign Minister Anna Berg said on Tuesday.</p>
<p>The talks resume next week.</p></article></body></html>`;

let store: Store;
let h: Harness;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
	store = await openTestStore();
	site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE));
	await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
	siteUrl = `http://user:secret@127.0.0.1:${(site.address() as AddressInfo).port}/news/border`;
	h = await startHarness({ store, commands, env: { INGEST_ALLOW_PRIVATE_URLS: 'true' } });
});
afterAll(async () => {
	await h?.stop();
	await store?.close();
	await new Promise((r) => site?.close(r));
});

describe('/ingest', () => {
	it('is registered for Manage Server only, in guilds', () => {
		const ingest = commands.find((c) => c.data.name === 'ingest');
		expect(ingest?.data.default_member_permissions).toBe(String(1 << 5));
		for (const c of commands) expect(c.data.contexts).toEqual([0]);
	});

	it('adds an article and says what was extracted, without echoing credentials in the URL', async () => {
		const rec = h.fake.command('ingest', { url: siteUrl });
		await rec.edited;
		const shown = JSON.stringify(rec.original?.embeds);
		expect(shown).toContain('Ingested 1 of 1 article');
		const count = shown.match(/(\d+) attributed statements? on record/)?.[1];
		expect(count).toBeDefined();
		expect(shown).not.toContain('secret');
		const stats = await store.articles.stats();
		expect(stats.articles).toBe(1);

		// Adding it again changes nothing and still says how many statements the article holds.
		const again = h.fake.command('ingest', { url: siteUrl });
		await again.edited;
		const shownAgain = JSON.stringify(again.original?.embeds);
		expect(shownAgain).toContain('already stored, unchanged');
		expect(shownAgain).toContain(`${count} attributed statement`);
	});

	it('refuses a guild outside the ingest allowlist, ephemerally, and stores nothing', async () => {
		const other = await startHarness({ store, commands, env: { INGEST_GUILD_ALLOWLIST: '123456789012345678' } });
		try {
			const rec = other.fake.command('ingest', { url: 'https://example.com/a' }, { permissions: MEMBER_PERMISSIONS });
			await rec.acked;
			expect(rec.callback).toMatchObject({
				type: 4,
				data: { flags: 64, content: expect.stringContaining('not enabled') },
			});
			expect((await store.articles.stats()).articles).toBe(1);
		} finally {
			await other.stop();
		}
	});

	it('explains a refused address without adding anything', async () => {
		const rec = h.fake.command('ingest', { url: 'ftp://example.com/file' });
		const hook = `/webhooks/${h.fake.appId}/${rec.interaction.token}`;
		const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === hook);
		expect(reply.body).toMatchObject({ flags: 64, content: expect.stringContaining('http') });
	});
});

describe('deployCommands', () => {
	it('registers every command to the configured guild, or globally', async () => {
		const base = { DISCORD_TOKEN: h.fake.token, DISCORD_API_URL: h.fake.apiBase };
		const guild = await deployCommands(parseConfig({ ...base, DISCORD_GUILD_ID: h.fake.guildId }));
		expect(guild).toEqual({ count: commands.length, scope: 'guild', guildId: h.fake.guildId });
		const put = await h.fake.waitForRequest(
			(r) => r.method === 'PUT' && r.path.includes(`/guilds/${h.fake.guildId}/commands`),
		);
		expect((put.body as { name: string }[]).map((c) => c.name)).toEqual([
			'stance',
			'quotes',
			'sources',
			'ingest',
			'help',
		]);
		expect(await deployCommands(parseConfig(base))).toMatchObject({ scope: 'global' });
	});

	it('refuses to run without a token', async () => {
		await expect(deployCommands(parseConfig({}))).rejects.toThrow(/DISCORD_TOKEN/);
	});
});
