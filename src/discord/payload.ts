import {
	type APIActionRowComponent,
	type APIButtonComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	ButtonStyle,
	ComponentType,
} from 'discord.js';
import { safeUrl, truncate } from './escape.js';
import { LIMITS } from './limits.js';

/** Mentions off: the text we send (quotes, model prose) must never ping anyone. */
export const NO_MENTIONS = { parse: [] as [] };

/** One message as we send it; always with mentions off. */
export type Reply = {
	content?: string;
	embeds?: APIEmbed[];
	components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
	allowedMentions: typeof NO_MENTIONS;
	flags?: number;
};

/** A rendered embed and the citation numbers whose quotes it shows (for its source buttons). */
export type CitedEmbed = { embed: APIEmbed; citations: number[] };

/** A source link button for the citations that share one URL. */
export type SourceLink = { url: string; label: string; citations: number[] };

/** Characters an embed counts toward the 6,000-per-message limit. */
export function embedLength(e: APIEmbed): number {
	const fields = (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
	return (
		(e.title?.length ?? 0) +
		(e.description?.length ?? 0) +
		fields +
		(e.footer?.text.length ?? 0) +
		(e.author?.name.length ?? 0)
	);
}

/** Groups embeds into messages of at most 10 embeds and 6,000 embed characters, keeping their order. */
export function packEmbeds(embeds: CitedEmbed[]): CitedEmbed[][] {
	const messages: CitedEmbed[][] = [];
	let current: CitedEmbed[] = [];
	let chars = 0;
	for (const item of embeds) {
		const length = embedLength(item.embed);
		if (
			current.length > 0 &&
			(current.length >= LIMITS.embedsPerMessage || chars + length > LIMITS.embedCharsPerMessage)
		) {
			messages.push(current);
			current = [];
			chars = 0;
		}
		current.push(item);
		chars += length;
	}
	if (current.length > 0) messages.push(current);
	return messages;
}

/** Action rows: the leading buttons first, then link buttons, five per row, at most five rows. */
export function buttonRows(
	leading: APIButtonComponent[],
	links: SourceLink[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
	const max = LIMITS.rowsPerMessage * LIMITS.buttonsPerRow;
	const linkButtons: APIButtonComponent[] = links.map((l) => ({
		type: ComponentType.Button,
		style: ButtonStyle.Link,
		url: l.url,
		label: truncate(l.label, LIMITS.buttonLabel),
	}));
	const buttons = [...leading, ...linkButtons].slice(0, max);
	const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
	for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
		rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
	}
	return rows;
}

/** One link button per distinct source URL among `items`, labelled with its citation numbers and outlet. */
export function sourceLinks(items: { n: number; url: string | null; outlet: string | null }[]): SourceLink[] {
	const byUrl = new Map<string, SourceLink & { outlet: string }>();
	for (const item of items) {
		const url = safeUrl(item.url, LIMITS.linkUrl);
		if (!url) continue;
		const link = byUrl.get(url) ?? { url, label: '', citations: [], outlet: item.outlet ?? hostLabel(url) };
		link.citations.push(item.n);
		byUrl.set(url, link);
	}
	return [...byUrl.values()].map(({ url, citations, outlet }) => ({
		url,
		citations,
		label: `${citations.map((n) => `[${n}]`).join('')} ${outlet}`,
	}));
}

function hostLabel(url: string): string {
	return new URL(url).hostname.replace(/^www\./, '');
}
