import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../src/discord/command.js';
import { GENERIC_ERROR } from '../src/discord/interactions.js';
import { NO_MENTIONS } from '../src/discord/payload.js';
import { UserError } from '../src/errors.js';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { type Harness, startHarness } from './discord-harness.js';
import type { RestRecord } from './fake-discord/fake-discord.js';

const EPHEMERAL = MessageFlags.Ephemeral;
const data = (name: string) => ({ name, description: `test command ${name}` });

// Small commands that behave the way real ones can fail, driven through the real dispatcher.
const commands: Command[] = [
	{
		data: data('hello'),
		async execute(i) {
			await i.deferReply();
			await i.editReply({ content: 'hi @everyone <@123456789012345678>', allowedMentions: NO_MENTIONS });
		},
	},
	{
		data: data('refuse'),
		async execute() {
			throw new UserError('Nothing stored for "Atlantis" yet.');
		},
	},
	{
		data: data('refuse-late'),
		async execute(i) {
			await i.deferReply();
			throw new UserError('Unknown topic "x".');
		},
	},
	{
		data: data('boom'),
		async execute(i) {
			await i.deferReply();
			throw new Error('database exploded: password=hunter2');
		},
	},
	{
		data: data('slow'),
		async execute(i) {
			await i.deferReply(); // first, so the 3 s interaction deadline is met
			await sleep(3_300);
			await i.editReply({ content: 'done after 3.3 s', allowedMentions: NO_MENTIONS });
		},
	},
	{
		data: { ...data('pick'), options: [{ type: ApplicationCommandOptionType.String, name: 'x', description: 'x' }] },
		async execute() {},
	},
];

let store: Store;
let h: Harness;
const callback = (r: RestRecord) => r.method === 'POST' && r.path.endsWith('/callback');

beforeAll(async () => {
	store = await openStore('memory:', createSilentLogger());
	h = await startHarness({ store, commands, env: { GUILD_ALLOWLIST: '' } });
});
afterAll(async () => {
	await h?.stop();
	await store?.close();
});

describe('interaction dispatcher against a fake Discord', () => {
	it('defers, then edits the answer with mentions disabled', async () => {
		const rec = h.fake.command('hello');
		await rec.edited;
		expect(rec.callback?.type).toBe(5);
		expect(rec.original?.content).toContain('@everyone');
		const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(rec.interaction.token));
		expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
	});

	it('shows a UserError as an ephemeral message', async () => {
		const rec = h.fake.command('refuse');
		await rec.acked;
		expect(rec.callback).toMatchObject({
			type: 4,
			data: { content: 'Nothing stored for "Atlantis" yet.', flags: EPHEMERAL },
		});
	});

	it('replaces a public "thinking…" placeholder with an ephemeral UserError', async () => {
		const rec = h.fake.command('refuse-late');
		const followUp = await h.fake.waitForRequest(
			(r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.appId}/${rec.interaction.token}`,
		);
		expect(followUp.body).toMatchObject({ content: 'Unknown topic "x".', flags: EPHEMERAL });
		const deleted = h.fake.requests.find((r) => r.method === 'DELETE' && r.path.includes(rec.interaction.token));
		expect(deleted).toBeDefined();
	});

	it('answers a bug with one generic ephemeral sentence and logs it with the interaction ids', async () => {
		const rec = h.fake.command('boom');
		const followUp = await h.fake.waitForRequest(
			(r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.appId}/${rec.interaction.token}`,
		);
		expect(followUp.body).toMatchObject({ content: GENERIC_ERROR, flags: EPHEMERAL });
		expect(JSON.stringify(followUp.body)).not.toContain('hunter2');
		const logged = h.logs.find((l) => l.msg === 'interaction failed' && l.interactionId === rec.interaction.id);
		expect(logged).toMatchObject({
			level: 50,
			command: 'boom',
			guildId: h.fake.guildId,
			err: { message: expect.stringContaining('exploded') },
		});
	});

	it('meets the 3 s deadline for a handler that takes longer, by deferring first', async () => {
		const rec = h.fake.command('slow');
		await rec.edited;
		expect(rec.late).toBeUndefined();
		expect((rec.callbackAt ?? Infinity) - rec.dispatchedAt).toBeLessThan(3_000);
		expect(rec.original?.content).toBe('done after 3.3 s');
	}, 10_000);

	it('refuses commands from a guild outside the allowlist', async () => {
		const other = await startHarness({ store, commands, env: { GUILD_ALLOWLIST: '123456789012345678' } });
		try {
			const rec = other.fake.command('hello');
			await rec.acked;
			expect(rec.callback).toMatchObject({
				type: 4,
				data: { content: 'Attaché is not enabled in this server.', flags: EPHEMERAL },
			});
		} finally {
			await other.stop();
		}
	});

	it('answers autocomplete with no choices for a command without suggestions', async () => {
		const rec = h.fake.autocomplete('pick', { x: 'ab' }, 'x');
		await rec.acked;
		expect(rec.callback).toEqual({ type: 8, data: { choices: [] } });
	});

	it('heartbeats, and resumes after a dropped connection without losing the next command', async () => {
		while (!h.fake.gateway.received.some((g) => g.op === 1)) await sleep(50);
		h.fake.gateway.terminateAll();
		while (!h.fake.gateway.received.some((g) => g.op === 6)) await sleep(50);
		const rec = h.fake.command('hello');
		await rec.edited;
		expect(rec.original?.content).toContain('hi');
	});

	it('sets allowed_mentions to parse nothing on every message it sends', () => {
		const sent = h.fake.outgoingMessages();
		expect(sent.length).toBeGreaterThan(3);
		for (const r of sent) {
			const body = r.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
			expect(body.allowed_mentions ?? body.data?.allowed_mentions).toEqual({ parse: [] });
		}
		expect(h.fake.requests.filter(callback).every((r) => r.auth === null)).toBe(true);
	});
});
