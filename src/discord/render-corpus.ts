import type { APIEmbed } from 'discord.js';
import type { IngestResult } from '../ingest/ingest.js';
import { redactCredentials } from '../ingest/url.js';
import type { CorpusStats } from '../store/store.js';
import { discordDate, escapeInline, safeUrl, truncate } from './escape.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './payload.js';
import { packBlocks } from './split.js';

const OUTCOME: Record<NonNullable<IngestResult['outcome']>, string> = {
	inserted: 'added',
	unchanged: 'already stored, unchanged',
	reextracted: 'already stored, statements re-extracted',
	updated: 'updated (the text had changed)',
};

/** /sources: what the bot knows, as one embed. */
export function renderSources(stats: CorpusStats): Reply {
	if (stats.articles === 0) {
		return {
			content: 'No articles are stored yet. An admin can add some with `/ingest`.',
			allowedMentions: NO_MENTIONS,
		};
	}
	const range =
		stats.oldest && stats.newest ? `${discordDate(stats.oldest)} to ${discordDate(stats.newest)}` : 'no dated articles';
	const newest = stats.newestArticle;
	const newestUrl = safeUrl(newest?.url);
	const newestTitle = escapeInline(truncate(newest?.title ?? newest?.url ?? 'untitled', 200));
	const newestLine = newest
		? `${newestUrl ? `[${newestTitle}](<${newestUrl}>)` : newestTitle} · ${discordDate(newest.published) ?? 'undated'}`
		: 'none';
	const outletLines = stats.outlets.map((o) => `${escapeInline(o.outlet)}: ${o.articles}`);
	const [outlets = 'none'] = packBlocks(outletLines, LIMITS.fieldValue - 40, '\n');
	const shown = outlets.split('\n').length;
	const more = shown < outletLines.length ? `\n…and ${outletLines.length - shown} more` : '';
	const embed: APIEmbed = {
		title: 'What Attaché knows',
		description: `**${stats.articles}** articles and **${stats.statements}** attributed statements, ${range}.`,
		fields: [
			{ name: 'Newest article', value: truncate(newestLine, LIMITS.fieldValue) },
			{ name: `Outlets (${stats.outlets.length})`, value: `${outlets}${more}` },
		],
	};
	return { embeds: [embed], allowedMentions: NO_MENTIONS };
}

/** /ingest: one line per article the URL yielded (a feed yields many), with what was extracted. */
export function renderIngest(url: string, results: IngestResult[]): Reply {
	const lines = results.map((r) => {
		const title = escapeInline(truncate(r.title ?? r.url ?? r.source, 150));
		if (!r.ok) return `✗ ${escapeInline(r.error ?? `${r.source}: failed`)}`;
		const what = r.outcome ? OUTCOME[r.outcome] : 'stored';
		const held = r.stored ?? r.statements;
		return `✓ **${title}**: ${what}; ${held} attributed statement${held === 1 ? '' : 's'} on record`;
	});
	const ok = results.filter((r) => r.ok).length;
	const statements = results.reduce((sum, r) => sum + (r.stored ?? r.statements), 0);
	const [body = '', ...rest] = packBlocks(lines, LIMITS.embedDescription - 60, '\n');
	const more = rest.length > 0 ? `\n…and ${lines.length - body.split('\n').length} more` : '';
	return {
		embeds: [
			{
				title: truncate(
					`Ingested ${ok} of ${results.length} article${results.length === 1 ? '' : 's'}`,
					LIMITS.embedTitle,
				),
				url: safeUrl(results.length === 1 ? results[0]?.url : null) ?? safeUrl(redactCredentials(url)) ?? undefined,
				description: `${body}${more}`,
				footer: { text: `${statements} statements on record from this URL. Try /stance or /quotes on them.` },
			},
		],
		allowedMentions: NO_MENTIONS,
	};
}

/** /help: what the bot does and how to ask. */
export function renderHelp(options: { messageContentIntent: boolean; maxTurns: number }): Reply {
	const inThreads = options.messageContentIntent
		? 'write your question there'
		: 'mention @Attaché with your question there';
	const description = [
		'Attaché briefs you on what governments and organisations have **said** on a topic, quoting stored news articles verbatim with numbered citations. It never quotes from memory: every quote links to its source.',
		'',
		'**/stance** `actor` `topic` `[since]` `[until]`: the actor’s stated position, a cited summary, the quotes (speaker, role, outlet, date), a timeline, and what others claim about the actor, kept apart.',
		`Press **Follow up** under an answer to open a thread, then ${inThreads} (up to ${options.maxTurns} questions).`,
		'**/quotes** `actor` `[topic]` `[speaker]`: the statements themselves, newest first, page by page.',
		'**/sources**: which outlets and dates the bot knows.',
		'**/ingest** `url` (Manage Server): add an article or feed.',
		'',
		'Dates are `YYYY-MM-DD`. Actors accept common names: "uk", "kremlin", "lavrov", "eu".',
	].join('\n');
	return { embeds: [{ title: 'Attaché', description }], allowedMentions: NO_MENTIONS };
}
