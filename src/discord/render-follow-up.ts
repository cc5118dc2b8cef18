import type { BriefingQuote, SummarySegment } from '../answer/briefing.js';
import { escapeText, suppressLinkPreviews } from './escape.js';
import { LIMITS } from './limits.js';
import { buttonRows, NO_MENTIONS, packEmbeds, type Reply, sourceLinks } from './payload.js';
import { quoteBlock } from './render-briefing.js';
import { packBlocks, splitMarkdown } from './split.js';

/** What a thread follow-up shows: cited prose and the quotes it cites. */
export type FollowUpView = { summary: SummarySegment[]; quotes: BriefingQuote[]; note: string | null };

/**
 * A follow-up answer as thread messages: the prose (split under 2,000 characters on markdown
 * boundaries, link previews suppressed) followed by the cited quotes as embeds with source buttons.
 */
export function renderFollowUp(view: FollowUpView): Reply[] {
	const prose = view.summary
		.map((s) => `${suppressLinkPreviews(escapeText(s.text.trim()))}${s.citations.map((n) => `[${n}]`).join('')}`)
		.join(' ')
		.trim();
	const note = view.note ? `\n\n-# ${escapeText(view.note)}` : '';
	const text = `${prose || 'I found nothing in the stored statements that answers this.'}${note}`;
	const texts: Reply[] = splitMarkdown(text, LIMITS.content).map((content) => ({
		content,
		allowedMentions: NO_MENTIONS,
	}));
	const cited = new Set(view.summary.flatMap((s) => s.citations));
	const quotes = view.quotes.filter((q) => cited.has(q.n));
	const blocks = packBlocks(quotes.map(quoteBlock), LIMITS.embedDescription);
	const groups = packEmbeds(
		blocks.map((description) => ({
			embed: { description, color: 0x757575 },
			citations: quotes.filter((q) => description.includes(`**[${q.n}]**`)).map((q) => q.n),
		})),
	);
	const last = texts[texts.length - 1];
	const embedMessages: Reply[] = groups.map((group) => {
		const ns = new Set(group.flatMap((g) => g.citations));
		return {
			embeds: group.map((g) => g.embed),
			components: buttonRows([], sourceLinks(quotes.filter((q) => ns.has(q.n)))),
			allowedMentions: NO_MENTIONS,
		};
	});
	// The first group of quotes rides on the last prose message, so a short answer is one message.
	const [firstGroup, ...restGroups] = embedMessages;
	if (last && firstGroup) Object.assign(last, { embeds: firstGroup.embeds, components: firstGroup.components });
	return [...texts, ...restGroups];
}

/** A plain notice in a thread (turn cap, errors): escaped elsewhere, never pinging. */
export function notice(text: string): Reply {
	return { content: text, allowedMentions: NO_MENTIONS };
}
