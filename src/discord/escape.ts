import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * Makes stored or model-written text inert in Discord: no markdown, no headings or lists, no masked
 * links, and no mention syntax that could ping or render as a mention (allowedMentions is the
 * second lock; this keeps `@everyone` from even looking like one).
 */
export function escapeText(text: string): string {
	const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
	return escaped
		.replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
		.replace(/<(?=[@#:/]|a:|t:)/g, `<${ZWSP}`)
		.replace(/\r\n?/g, '\n');
}

/** Escaped text on one line: quotes are shown inline, so their line breaks become spaces. */
export function escapeInline(text: string): string {
	return escapeText(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** Cuts text to `max` characters at a word boundary when possible, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/\\+$/, '')}…`;
}

/** Wraps bare URLs in <…> so Discord shows no link preview for them in message content. */
export function suppressLinkPreviews(text: string): string {
	return text.replace(/(?<![<(])\bhttps?:\/\/[^\s<>]+/g, (url) => `<${url}>`);
}

/** A link safe for a masked link or a link button: http(s) only, within Discord's length limit. */
export function safeUrl(url: string | null | undefined, maxLength = 512): string | null {
	if (!url || url.length > maxLength) return null;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/**
 * A Discord timestamp for a stored publication date, shown in each reader's locale and time zone.
 * Date-only values are anchored at 12:00 UTC so every time zone from UTC−11 to UTC+11 shows the same day.
 */
export function discordDate(published: string | null, style: 'D' | 'R' = 'D'): string | null {
	if (!published) return null;
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(published);
	const ms = Date.parse(dateOnly ? `${published}T12:00:00Z` : published);
	if (Number.isNaN(ms)) return null;
	return `<t:${Math.floor(ms / 1000)}:${style}>`;
}
