import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { QuotesPage } from '../answer/find-quotes.js';
import { escapeInline, truncate } from './escape.js';
import { LIMITS } from './limits.js';
import { buttonRows, NO_MENTIONS, type Reply, sourceLinks } from './payload.js';
import { quoteBlock } from './render-briefing.js';
import { packBlocks } from './split.js';

/** The filters of a /quotes list, carried in its page buttons so paging survives a restart. */
export type QuotesFilter = { actor: string; topic: string | null; speaker: string | null };

const PREFIX = 'quotes:';
// One page must fit one message (6,000 embed characters) so a button can replace it in place.
const PAGE_BUDGET = 5_600;

/** The custom id of a page button, or null when the filters are too long for Discord's 100 characters. */
export function pageButtonId(page: number, filter: QuotesFilter): string | null {
	const id = `${PREFIX}${page}:${JSON.stringify([filter.actor, filter.topic, filter.speaker])}`;
	return id.length <= LIMITS.customId ? id : null;
}

/** Reads a page button's custom id back; null when it is not one of ours or is malformed. */
export function parsePageButtonId(customId: string): { page: number; filter: QuotesFilter } | null {
	const m = /^quotes:(\d+):(.*)$/s.exec(customId);
	if (!m) return null;
	try {
		const [actor, topic, speaker] = JSON.parse(m[2] ?? '') as unknown[];
		if (typeof actor !== 'string') return null;
		const text = (v: unknown) => (typeof v === 'string' ? v : null);
		return { page: Number(m[1]), filter: { actor, topic: text(topic), speaker: text(speaker) } };
	} catch {
		return null;
	}
}

/** One /quotes page: the quotes as cited blocks, Previous/Next buttons, and a link to each source. */
export function renderQuotesPage(page: QuotesPage): Reply {
	let maxQuote = 1_500;
	let blocks = page.quotes.map((q) => quoteBlock(q, maxQuote));
	while (blocks.join('\n\n').length > PAGE_BUDGET && maxQuote > 120) {
		maxQuote = Math.floor(maxQuote * 0.75);
		blocks = page.quotes.map((q) => quoteBlock(q, maxQuote));
	}
	const filters = [page.topic ? `on ${page.topic}` : null, page.speaker ? `by ${page.speaker}` : null].filter(Boolean);
	const title = truncate(escapeInline(`Quotes from ${page.actor} ${filters.join(' ')}`.trim()), LIMITS.embedTitle);
	const descriptions = packBlocks(blocks, LIMITS.embedDescription);
	const embeds = descriptions.map((description, i) => ({
		...(i === 0 ? { title } : {}),
		description,
		...(i === descriptions.length - 1
			? { footer: { text: `Page ${page.page} · newest first · verbatim from the sources` } }
			: {}),
	}));
	const filter = { actor: page.actor, topic: page.topic, speaker: page.speaker };
	const nav: APIButtonComponent[] = [];
	const prev = pageButtonId(page.page - 1, filter);
	const next = pageButtonId(page.page + 1, filter);
	if (prev && next && (page.page > 1 || page.hasMore)) {
		nav.push(
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				custom_id: prev,
				label: 'Previous',
				disabled: page.page <= 1,
			},
			{
				type: ComponentType.Button,
				style: ButtonStyle.Secondary,
				custom_id: next,
				label: 'Next',
				disabled: !page.hasMore,
			},
		);
	}
	return { embeds, components: buttonRows(nav, sourceLinks(page.quotes)), allowedMentions: NO_MENTIONS };
}
