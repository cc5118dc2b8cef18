import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import type { BriefingQuote } from './briefing.js';
import { newestFirst, toBriefingQuote } from './quotes.js';
import { resolveActorInput, resolveTopicInput } from './resolve-query.js';
import { retrieveStatements } from './retrieve.js';
import { collapseSyndicated, type QuoteGroup } from './syndication.js';

/** Quotes per /quotes page. */
export const QUOTES_PAGE_SIZE = 10;
const MAX_PAGE = 500;

/** A /quotes request: the actor's own verbatim statements, optionally on a topic or by one speaker. */
export type QuotesQuery = { actor: string; topic?: string | null; speaker?: string | null; page?: number };

/** One page of verbatim quotes, numbered across pages (page 2 starts at 11). */
export type QuotesPage = {
	actor: string;
	topic: string | null;
	speaker: string | null;
	page: number;
	quotes: BriefingQuote[];
	hasMore: boolean;
};

function checkPage(page: number | undefined): number {
	const p = page ?? 1;
	if (!Number.isInteger(p) || p < 1 || p > MAX_PAGE)
		throw new UserError(`Page must be a whole number from 1 to ${MAX_PAGE}.`);
	return p;
}

function cleanSpeaker(speaker: string | null | undefined): string | null {
	const s = speaker?.normalize('NFKC').replace(/\s+/g, ' ').trim() ?? '';
	if (s.length > 80) throw new UserError('That speaker name is too long; use a name such as "Lavrov".');
	return s === '' ? null : s;
}

/**
 * `/quotes`: the actor's own statements, verbatim, newest first, paginated. With a topic it uses the same
 * retrieval as /stance; without one it lists everything the actor said. Claims by others are never listed.
 */
export async function findQuotes(query: QuotesQuery, deps: Deps): Promise<QuotesPage> {
	const actor = resolveActorInput(query.actor);
	const page = checkPage(query.page);
	const speaker = cleanSpeaker(query.speaker);
	const topic = query.topic?.trim() ? resolveTopicInput(query.topic) : null;
	const start = (page - 1) * QUOTES_PAGE_SIZE;

	let groups: QuoteGroup[];
	let hasMore: boolean;
	if (topic) {
		const { own } = await retrieveStatements(
			{ actor, actorInput: query.actor, topic, since: null, until: null },
			deps.store,
		);
		const bySpeaker = speaker ? own.filter((s) => s.speaker.toLowerCase().includes(speaker.toLowerCase())) : own;
		groups = collapseSyndicated(bySpeaker).slice(start, start + QUOTES_PAGE_SIZE + 1);
		hasMore = groups.length > QUOTES_PAGE_SIZE;
	} else {
		const rows = await deps.store.statements.find({
			actors: [actor.name],
			ownOnly: true,
			...(speaker ? { speaker } : {}),
			limit: QUOTES_PAGE_SIZE + 1,
			offset: start,
		});
		hasMore = rows.length > QUOTES_PAGE_SIZE;
		groups = collapseSyndicated(rows.slice(0, QUOTES_PAGE_SIZE).sort(newestFirst));
	}
	const quotes = groups.slice(0, QUOTES_PAGE_SIZE).map((g, i) => toBriefingQuote(g, start + i + 1));
	if (quotes.length === 0) {
		const what = [topic ? `on "${topic.label}"` : null, speaker ? `by ${speaker}` : null].filter(Boolean).join(' ');
		if (page > 1)
			throw new UserError(`No more quotes from ${actor.name}${what ? ` ${what}` : ''}: page ${page} is past the end.`);
		throw new UserError(`No statements stored from ${actor.name}${what ? ` ${what}` : ''}.`);
	}
	return { actor: actor.name, topic: topic?.label ?? null, speaker, page, quotes, hasMore };
}
