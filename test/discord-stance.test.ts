import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { embedLength } from '../src/discord/payload.js';
import { FOLLOW_UP_ID } from '../src/discord/render-briefing.js';
import type { Store } from '../src/store/store.js';
import { type Harness, startHarness } from './discord-harness.js';
import { longStatements, peacekeepers, seedStatements } from './discord-seed.js';
import type { InteractionRecord, RestRecord } from './fake-discord/fake-discord.js';
import { openTestStore } from './helpers/stores.js';

let store: Store;
let h: Harness;

beforeAll(async () => {
	store = await openTestStore();
	await seedStatements(store, [...peacekeepers, ...longStatements(20)]);
	h = await startHarness({ store, commands });
});
afterAll(async () => {
	await h?.stop();
	await store?.close();
});

/** Every message the bot posted for one interaction: the edited original, then its follow-ups. */
async function answerOf(rec: InteractionRecord, followUps: number): Promise<APIMessage[]> {
	await rec.edited;
	const hook = `/webhooks/${h.fake.appId}/${rec.interaction.token}`;
	for (let i = 1; i <= followUps; i++) {
		await h.fake.waitForRequest(
			(r) =>
				r.method === 'POST' &&
				r.path === hook &&
				h.fake.requests.filter((x) => x.method === 'POST' && x.path === hook).length >= i,
		);
	}
	return [rec.original, ...rec.followUps].filter((m): m is APIMessage => m !== null);
}
const text = (embeds: APIEmbed[] = []) =>
	embeds
		.map(
			(e) =>
				`${e.title ?? ''}\n${e.description ?? ''}\n${(e.fields ?? []).map((f) => `${f.name}\n${f.value}`).join('\n')}`,
		)
		.join('\n');
const buttons = (m: APIMessage) =>
	(m.components ?? []).flatMap((row) => ('components' in row ? (row.components as unknown[]) : [])) as {
		style: number;
		url?: string;
		custom_id?: string;
		label?: string;
	}[];

describe('/stance end to end', () => {
	it('defers first, stores the thread context before answering, then shows summary, quotes, stance and claims', async () => {
		let contextAtEdit: unknown = 'not checked';
		const rec = h.fake.command('stance', { actor: 'russia', topic: 'peacekeepers' });
		const onRequest = (r: RestRecord) => {
			if (r.method === 'PATCH' && r.path.includes(rec.interaction.token) && rec.original) {
				contextAtEdit = store.threads.get(rec.original.id);
			}
		};
		h.fake.on('request', onRequest);
		const [answer] = await answerOf(rec, 0);
		h.fake.off('request', onRequest);
		expect(rec.callback?.type).toBe(5);
		expect(await contextAtEdit).toMatchObject({ actor: { name: 'Russia' }, opened: false });
		const shown = text(answer?.embeds);
		expect(shown).toMatch(/^Russia on .*peacekeepers/im);
		expect(shown).toMatch(/\[1\]/);
		expect(shown).toContain('**Dmitry Peskov**, Kremlin spokesman · Example Wire · <t:');
		expect(shown).toMatch(/<t:\d+:D>/);
		expect(shown).toContain('Opposes');
		expect(shown).toMatch(/What others say about Russia's position[\s\S]*Keir Starmer/);
		const links = buttons(answer as APIMessage).filter((b) => b.style === 5);
		expect(links.map((b) => b.url)).toContain('https://wire.example/peskov-peacekeepers');
		expect(buttons(answer as APIMessage).some((b) => b.custom_id === FOLLOW_UP_ID)).toBe(true);
	});

	it('escapes a hostile quote so it cannot ping or format, and sends allowed_mentions parse:[] everywhere', async () => {
		const rec = h.fake.command('stance', { actor: 'Russia', topic: 'peacekeepers' });
		const [answer] = await answerOf(rec, 0);
		const shown = text(answer?.embeds);
		expect(shown).toContain('Sergei Lavrov');
		expect(shown).not.toMatch(/(^|[^\u200b])@everyone/);
		expect(shown).not.toContain('<@123456789012345678>');
		expect(shown).toContain('\\*\\*Peacekeepers\\*\\*');
		expect(shown).toContain('\\[click](https://evil.example)'); // escaped: no masked link
		for (const r of h.fake.outgoingMessages()) {
			const body = r.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
			expect(body.allowed_mentions ?? body.data?.allowed_mentions).toEqual({ parse: [] });
		}
	});

	it('splits a long answer across messages within every Discord limit, never between a quote and its citation', async () => {
		const rec = h.fake.command('stance', { actor: 'turkey', topic: 'grain corridor' });
		await rec.edited;
		await h.waitForLog((l) => l.msg === 'stance answered' && l.interactionId === rec.interaction.id && 'messages' in l);
		const messages = [rec.original, ...rec.followUps].filter((m): m is APIMessage => m !== null);
		expect(messages.length).toBeGreaterThan(1);
		const seen = new Set<number>();
		for (const m of messages) {
			const embeds = m.embeds ?? [];
			expect(embeds.length).toBeLessThanOrEqual(10);
			expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
			expect((m.content ?? '').length).toBeLessThanOrEqual(2000);
			for (const e of embeds) {
				expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
				for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
				for (const block of (e.description ?? '').split('\n\n')) {
					const n = /^\*\*\[(\d+)\]\*\*/.exec(block)?.[1];
					if (!n) continue;
					expect(block).toMatch(/\n— \*\*Official \d+\*\*/); // the citation line travels with its quote
					seen.add(Number(n));
				}
			}
			expect(buttons(m).length).toBeLessThanOrEqual(25);
		}
		expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
	});

	it('suggests actors and topics from the store, at most 25', async () => {
		const actors = h.fake.autocomplete('stance', { actor: 'ru', topic: '' }, 'actor');
		await actors.acked;
		const choices = (actors.callback?.data?.choices ?? []) as { name: string; value: string }[];
		expect(choices[0]).toEqual({ name: 'Russia · 2 statements', value: 'Russia' });
		expect(choices.length).toBeLessThanOrEqual(25);
		const alias = h.fake.autocomplete('stance', { actor: 'kremlin', topic: '' }, 'actor');
		await alias.acked;
		expect((alias.callback?.data?.choices as { value: string }[] | undefined)?.[0]?.value).toBe('Russia');
		const topics = h.fake.autocomplete('stance', { actor: 'Russia', topic: 'peace' }, 'topic');
		await topics.acked;
		expect((topics.callback?.data?.choices as { value: string }[] | undefined)?.[0]).toEqual({
			name: 'peace',
			value: 'peace',
		});
	});

	it('re-validates the actor in execute: an unknown one is an ephemeral error with suggestions', async () => {
		const rec = h.fake.command('stance', { actor: 'Atlantis', topic: 'peacekeepers' });
		const hook = `/webhooks/${h.fake.appId}/${rec.interaction.token}`;
		const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === hook);
		expect(reply.body).toMatchObject({ flags: 64, content: expect.stringContaining('Atlantis') });
	});
});

describe('/quotes, /sources, /help', () => {
	it('pages quotes with Next and Previous buttons', async () => {
		const rec = h.fake.command('quotes', { actor: 'Turkey' });
		await rec.edited;
		const first = rec.original as APIMessage;
		expect(text(first.embeds)).toContain('**[1]**');
		const next = buttons(first).find((b) => b.label === 'Next');
		expect(next?.custom_id).toBeDefined();
		const click = h.fake.clickButton(first, next?.custom_id ?? '');
		await click.edited;
		expect(click.callback?.type).toBe(6);
		expect(text(click.original?.embeds)).toContain('**[11]**');
		expect(buttons(click.original as APIMessage).find((b) => b.label === 'Previous')).toMatchObject({
			disabled: false,
		});
	});

	it('describes the corpus', async () => {
		const rec = h.fake.command('sources');
		await rec.edited;
		expect(text(rec.original?.embeds)).toMatch(/\*\*23\*\* articles and \*\*23\*\* attributed statements/);
	});

	it('explains itself ephemerally', async () => {
		const rec = h.fake.command('help');
		await rec.acked;
		expect(rec.callback).toMatchObject({ type: 4, data: { flags: 64 } });
		expect(JSON.stringify(rec.callback)).toContain('/stance');
	});
});
