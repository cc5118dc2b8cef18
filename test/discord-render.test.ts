import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingQuote } from '../src/answer/briefing.js';
import { discordDate, escapeText, suppressLinkPreviews } from '../src/discord/escape.js';
import { embedLength } from '../src/discord/payload.js';
import { FOLLOW_UP_ID, renderBriefing } from '../src/discord/render-briefing.js';
import { renderFollowUp } from '../src/discord/render-follow-up.js';
import { pageButtonId, parsePageButtonId, renderQuotesPage } from '../src/discord/render-quotes.js';
import { packBlocks, splitMarkdown } from '../src/discord/split.js';

const quote = (n: number, text: string, over: Partial<BriefingQuote> = {}): BriefingQuote => ({
	n,
	statementId: n,
	quote: text,
	kind: 'direct',
	speaker: `Speaker ${n}`,
	speakerRole: 'Minister',
	actor: 'Ruritania',
	aboutActor: null,
	topic: null,
	stance: 'oppose',
	url: `https://news${n % 30}.example/a${n}`,
	outlet: `Outlet ${n}`,
	outlets: [`Outlet ${n}`],
	title: 'Title',
	published: '2025-03-10',
	...over,
});

const briefing = (quotes: BriefingQuote[], summaryText: string): Briefing => ({
	actor: { id: 'Ruritania', name: 'Ruritania', input: 'ruritania' },
	topic: { id: null, label: 'border talks', input: 'border talks' },
	since: null,
	until: null,
	stance: 'oppose',
	stanceReason: 'most statements oppose',
	summary: [{ text: summaryText, citations: [1, 2] }],
	mode: 'extractive',
	note: null,
	quotes,
	claims: [],
	timeline: quotes.map((q) => ({ date: q.published, stance: q.stance, n: q.n })),
	lastStatement: { date: '2025-03-10', daysAgo: 3 },
	stanceChange: null,
	usage: null,
});

describe('splitMarkdown', () => {
	it('keeps every piece within the limit and prefers paragraph, then sentence boundaries', () => {
		const text = `${'First paragraph sentence. '.repeat(20)}\n\n${'Second one here. '.repeat(20)}`;
		const pieces = splitMarkdown(text, 600);
		expect(pieces.every((p) => p.length <= 600)).toBe(true);
		expect(pieces[0]?.endsWith('sentence.')).toBe(true);
		expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
	});

	it('never cuts inside a citation marker or a timestamp tag', () => {
		const text = `${'x'.repeat(95)}[123] <t:1741608000:D> ${'y'.repeat(50)}`;
		for (let limit = 96; limit < 120; limit++) {
			for (const piece of splitMarkdown(text, limit)) {
				expect(piece).not.toMatch(/\[\d*$|^\d*\]|<t:\d*$/);
			}
		}
	});

	it('cuts an unbreakable run hard rather than exceeding the limit', () => {
		expect(splitMarkdown('z'.repeat(250), 100).map((p) => p.length)).toEqual([100, 100, 50]);
	});
});

describe('packBlocks', () => {
	it('never splits a block that fits, so a quote stays with its citation line', () => {
		const blocks = Array.from({ length: 12 }, (_, i) => `**[${i + 1}]** “${'q'.repeat(300)}”\n— Speaker ${i + 1}`);
		const pieces = packBlocks(blocks, 1024);
		expect(pieces.every((p) => p.length <= 1024)).toBe(true);
		for (const piece of pieces) for (const b of piece.split('\n\n')) expect(blocks).toContain(b);
	});
});

describe('escapeText', () => {
	it('neutralises mentions and markdown in quoted text', () => {
		const out = escapeText(
			'@everyone @here <@123456789012345678> <#123456789012345678> <@&1234> **bold**\n# Heading [x](https://e.example)',
		);
		expect(out).not.toMatch(/(^|[^\u200b])@(everyone|here)/);
		expect(out).not.toMatch(/<[@#]/);
		expect(out).toContain('\\*\\*bold\\*\\*');
		expect(out).toContain('\\# Heading');
		expect(out).toContain('\\[x]');
	});

	it('wraps bare links so message content shows no preview', () => {
		expect(suppressLinkPreviews('see https://a.example/x and <https://b.example>')).toBe(
			'see <https://a.example/x> and <https://b.example>',
		);
	});
});

describe('discordDate', () => {
	it('anchors a date-only value at noon UTC so every reader sees the same day', () => {
		expect(discordDate('2025-03-10')).toBe(`<t:${Date.UTC(2025, 2, 10, 12) / 1000}:D>`);
		expect(discordDate('2025-03-10T08:00:00Z', 'R')).toBe(`<t:${Date.UTC(2025, 2, 10, 8) / 1000}:R>`);
		expect(discordDate('sometime in March')).toBeNull();
	});
});

describe('renderBriefing', () => {
	it('splits a huge answer into messages that respect every Discord limit', () => {
		const quotes = Array.from({ length: 40 }, (_, i) => quote(i + 1, `${'A long statement. '.repeat(100)}`));
		const messages = renderBriefing(briefing(quotes, 'Summary sentence. '.repeat(400)), { followUp: true });
		expect(messages.length).toBeGreaterThan(2);
		messages.forEach((m, i) => {
			const embeds = m.embeds ?? [];
			expect(embeds.length).toBeLessThanOrEqual(10);
			expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
			for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
			const buttons = (m.components ?? []).flatMap((r) => r.components);
			expect(buttons.length).toBeLessThanOrEqual(25);
			expect(buttons.some((b) => 'custom_id' in b && b.custom_id === FOLLOW_UP_ID)).toBe(i === 0);
			expect(m.allowedMentions).toEqual({ parse: [] });
		});
		const shown = messages
			.flatMap((m) => m.embeds ?? [])
			.map((e) => e.description)
			.join('\n\n');
		for (let n = 1; n <= 40; n++) expect(shown).toContain(`**[${n}]**`);
	});

	it('offers no link button for a non-web source', () => {
		const [first] = renderBriefing(briefing([quote(1, 'Hello', { url: 'javascript:alert(1)' })], 'S.'), {
			followUp: false,
		});
		expect(JSON.stringify(first?.components)).not.toContain('javascript:');
	});
});

describe('/quotes pages', () => {
	it('fit one message and carry their filters in the page buttons', () => {
		const page = { actor: 'Ruritania', topic: 'border talks', speaker: null, page: 2, hasMore: true };
		const reply = renderQuotesPage({
			...page,
			quotes: Array.from({ length: 10 }, (_, i) => quote(i + 11, 'Q. '.repeat(700))),
		});
		expect((reply.embeds ?? []).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
		const ids = (reply.components ?? [])
			.flatMap((r) => r.components)
			.flatMap((b) => ('custom_id' in b ? [b.custom_id] : []));
		expect(ids.map((id) => parsePageButtonId(id)?.page)).toEqual([1, 3]);
		expect(parsePageButtonId(ids[1] ?? '')?.filter).toEqual({
			actor: 'Ruritania',
			topic: 'border talks',
			speaker: null,
		});
	});

	it('drops paging rather than send a custom id over 100 characters', () => {
		expect(pageButtonId(2, { actor: 'Ruritania', topic: 't'.repeat(90), speaker: null })).toBeNull();
	});
});

describe('renderFollowUp', () => {
	it('keeps prose under 2,000 characters per message and suppresses link previews', () => {
		const view = {
			summary: [{ text: `See https://x.example/a. ${'Words here. '.repeat(300)}`, citations: [1] }],
			quotes: [quote(1, 'Q')],
			note: null,
		};
		const messages = renderFollowUp(view);
		expect(messages.length).toBeGreaterThan(1);
		for (const m of messages) expect((m.content ?? '').length).toBeLessThanOrEqual(2000);
		expect(messages[0]?.content).toContain('<https://x.example/a.>');
		expect(messages.at(-1)?.embeds?.[0]?.description).toContain('**[1]**');
	});
});
