import { type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import type { Briefing, BriefingQuote } from '../answer/briefing.js';
import type { Stance } from '../extract/statement.js';
import { discordDate, escapeInline, escapeText, safeUrl, truncate } from './escape.js';
import { LIMITS } from './limits.js';
import { buttonRows, type CitedEmbed, NO_MENTIONS, packEmbeds, type Reply, sourceLinks } from './payload.js';
import { packBlocks, splitMarkdown } from './split.js';

/** The custom id of the "Follow up" button under a /stance answer. */
export const FOLLOW_UP_ID = 'stance:follow-up';

const STANCE_WORD: Record<Stance, string> = {
	support: 'Supports',
	oppose: 'Opposes',
	neutral: 'Neutral or unclear',
	mixed: 'Mixed',
};
const STANCE_COLOR: Record<Stance, number> = {
	support: 0x2e7d32,
	oppose: 0xc62828,
	neutral: 0x757575,
	mixed: 0xf9a825,
};
// A single quote longer than this is shown cut (the source link has it whole), so one quote never fills an embed.
const QUOTE_DISPLAY_MAX = 1_500;

/** A stance label for people ("Opposes"). */
export function stanceWord(stance: Stance | null): string {
	return stance ? STANCE_WORD[stance] : 'No stance';
}

/** Summary prose with its citation markers, escaped: "Russia rejects … [1][3]". */
export function summaryText(b: Briefing): string {
	const prose = b.summary
		.map((s) => `${escapeText(s.text.trim())}${s.citations.map((n) => `[${n}]`).join('')}`)
		.join(' ')
		.trim();
	return prose || '*No summary: the statements are listed below.*';
}

/** One quote and its citation as one unbreakable block: number, verbatim text, speaker, role, outlet, date, link. */
export function quoteBlock(q: BriefingQuote, maxQuote = QUOTE_DISPLAY_MAX): string {
	const text = truncate(escapeInline(q.quote), maxQuote);
	const body = q.kind === 'direct' ? `“${text}”` : `${text} *(paraphrase)*`;
	return `**[${q.n}]** ${body}\n${attributionLine(q)}`;
}

function attributionLine(q: BriefingQuote): string {
	const who = [`**${escapeInline(q.speaker)}**`, q.speakerRole ? escapeInline(q.speakerRole) : null].filter(Boolean);
	const outlets = q.outlets.length > 1 ? `${escapeInline(q.outlets[0] ?? '')} (+${q.outlets.length - 1} more)` : null;
	const outlet = outlets ?? (q.outlet ? escapeInline(q.outlet) : null);
	const url = safeUrl(q.url, LIMITS.linkUrl);
	const parts = [who.join(', '), outlet, discordDate(q.published) ?? 'undated', url ? `[source](<${url}>)` : null];
	return `— ${parts.filter(Boolean).join(' · ')}`;
}

function claimBlock(c: Briefing['claims'][number]): string {
	const denied = c.deniedBy.length > 0 ? `\nDenied by ${c.deniedBy.map((n) => `[${n}]`).join('')}` : '';
	return `${quoteBlock(c)}${denied}`;
}

function timelineLine(t: Briefing['timeline'][number]): string {
	return `${discordDate(t.date) ?? 'undated'} · ${stanceWord(t.stance)} · [${t.n}]`;
}

function headerEmbeds(b: Briefing): CitedEmbed[] {
	const color = STANCE_COLOR[b.stance];
	const note = b.note ? `\n\n*${escapeText(b.note)}*` : '';
	const [first = '', ...more] = splitMarkdown(`${summaryText(b)}${note}`, LIMITS.embedDescription);
	const fields = [
		{
			name: 'Stance',
			value: truncate(`**${stanceWord(b.stance)}**: ${escapeText(b.stanceReason)}`, LIMITS.fieldValue),
		},
	];
	if (b.lastStatement) {
		const on = discordDate(b.lastStatement.date);
		const ago = discordDate(b.lastStatement.date, 'R');
		if (on && ago) fields.push({ name: 'Last on record', value: `${on} (${ago})` });
	}
	if (b.stanceChange) fields.push({ name: 'Shift', value: `from [${b.stanceChange.from}] to [${b.stanceChange.to}]` });
	if (b.since || b.until)
		fields.push({ name: 'Period', value: escapeText(`${b.since ?? 'start'} – ${b.until ?? 'today'}`) });
	const footer =
		b.mode === 'llm'
			? 'Summary written by Claude; every citation checked against the stored quote.'
			: 'Extractive answer: stored quotes only, no language model.';
	const head: APIEmbed = {
		title: truncate(`${b.actor.name} on ${b.topic.label}`, LIMITS.embedTitle),
		description: first,
		color,
		fields: more.length === 0 ? fields : [],
		footer: { text: footer },
	};
	const tail = more.map((d, i): APIEmbed => ({ description: d, color, ...(i === more.length - 1 ? { fields } : {}) }));
	return [head, ...tail].map((embed) => ({ embed, citations: [] }));
}

function listEmbeds(
	title: string,
	blocks: { text: string; n: number }[],
	color: number,
	separator = '\n\n',
): CitedEmbed[] {
	if (blocks.length === 0) return [];
	const pieces = packBlocks(
		blocks.map((b) => b.text),
		LIMITS.embedDescription - 2,
		separator,
	);
	return pieces.map((description, i) => ({
		embed: { ...(i === 0 ? { title: truncate(title, LIMITS.embedTitle) } : {}), description, color },
		citations: blocks.filter((b) => description.includes(`**[${b.n}]**`)).map((b) => b.n),
	}));
}

/**
 * The /stance answer as Discord messages: the first one (for editReply) has the summary, stance and a
 * "Follow up" button; quotes, timeline and claims follow, split to Discord's limits, each message with
 * link buttons to the sources of the quotes it shows.
 */
export function renderBriefing(b: Briefing, options: { followUp: boolean }): Reply[] {
	const actor = escapeInline(b.actor.name);
	const neutral = STANCE_COLOR.neutral;
	const embeds = [
		...headerEmbeds(b),
		...listEmbeds(
			`What ${actor} said`,
			b.quotes.map((q) => ({ text: quoteBlock(q), n: q.n })),
			STANCE_COLOR[b.stance],
		),
		...listEmbeds(
			'Timeline',
			b.timeline.map((t) => ({ text: timelineLine(t), n: -1 })),
			neutral,
			'\n',
		),
		...listEmbeds(
			`What others say about ${actor}'s position (not counted in the stance)`,
			b.claims.map((c) => ({ text: claimBlock(c), n: c.n })),
			neutral,
		),
	];
	const all = [...b.quotes, ...b.claims];
	return packEmbeds(embeds).map((group, i) => {
		const cited = new Set(group.flatMap((g) => g.citations));
		const links = sourceLinks(all.filter((q) => cited.has(q.n)));
		const leading: APIButtonComponent[] =
			i === 0 && options.followUp
				? [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: FOLLOW_UP_ID, label: 'Follow up' }]
				: [];
		return { embeds: group.map((g) => g.embed), components: buttonRows(leading, links), allowedMentions: NO_MENTIONS };
	});
}
