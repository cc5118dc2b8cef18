import type { StatementFilter, Store, StoredStatement } from '../store/store.js';
import { topicPhrases } from '../topics/registry.js';
import { newestFirst } from './quotes.js';
import type { ResolvedQuery } from './resolve-query.js';

/** The actor's own statements and others' claims about the actor, each newest first. Never mixed. */
export type Retrieved = { own: StoredStatement[]; claims: StoredStatement[] };

// Enough to see every statement on a topic in a large corpus; the answer shows at most 20 of them.
const CANDIDATES = 300;
// A text match scoring under this share of the best text match is a passing mention of a topic word.
const MIN_RELATIVE_RELEVANCE = 0.3;
// Free text has no registry tag to lean on: only statements matching about as well as the best one count.
const MIN_RELATIVE_RELEVANCE_FREE_TEXT = 0.5;

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** Does the headline name the registry topic (its label or an alias that names it on its own)? */
function headlineNames(title: string | null, topicId: string): boolean {
	return title !== null && topicPhrases(title).some((p) => p.strong && p.topic.id === topicId);
}

/**
 * Keeps statements on a registry topic: those tagged with it; those in an article whose headline names it
 * (the headline says what the story is about better than one sentence's words do); and untagged ones in an
 * article with a tagged one, or matching the topic's words about as well as the tagged ones. A statement
 * tagged with another topic in a story about something else stays out, whatever words it shares.
 */
function keepOnRegistryTopic(statements: StoredStatement[], topicId: string): StoredStatement[] {
	// The store adds 1 for a topic-id hit; the rest is text rank.
	const textRank = (s: StoredStatement) => (s.topic === topicId ? s.relevance - 1 : s.relevance);
	const best = Math.max(0, ...statements.map(textRank));
	const onTopicArticles = new Set(statements.filter((s) => s.topic === topicId).map((s) => s.articleId));
	return statements.filter(
		(s) =>
			s.topic === topicId ||
			headlineNames(s.title, topicId) ||
			(s.topic === null &&
				(onTopicArticles.has(s.articleId) || (best > 0 && textRank(s) >= MIN_RELATIVE_RELEVANCE * best))),
	);
}

/**
 * Keeps statements on a topic the registry does not know: full-text hits scoring near the best one (so one
 * shared word such as "deal" pulls in nothing), plus the same story's other statements with the hit's tag
 * or none, which carry the position without repeating the topic's words ("absurd, ludicrous").
 */
function keepOnFreeTextTopic(statements: StoredStatement[]): StoredStatement[] {
	const best = Math.max(0, ...statements.map((s) => s.relevance));
	if (best <= 0) return [];
	const hits = new Set(statements.filter((s) => s.relevance >= MIN_RELATIVE_RELEVANCE_FREE_TEXT * best));
	const storyTags = new Map<number, Set<string | null>>();
	for (const h of hits) storyTags.set(h.articleId, (storyTags.get(h.articleId) ?? new Set()).add(h.topic));
	return statements.filter((s) => {
		const tags = storyTags.get(s.articleId);
		return hits.has(s) || (tags !== undefined && (s.topic === null || tags.has(s.topic)));
	});
}

/** Keeps the statements on the topic: by registry topic when it has an id, else by full text. */
export function keepRelevant(statements: StoredStatement[], topicId: string | null): StoredStatement[] {
	return topicId === null ? keepOnFreeTextTopic(statements) : keepOnRegistryTopic(statements, topicId);
}

/** The search filter shared by own statements and claims: registry topic id OR ranked full text, and dates. */
function topicFilter(q: ResolvedQuery): StatementFilter {
	return {
		topicIds: q.topic.id ? [q.topic.id] : [],
		text: q.topic.searchText,
		...(q.since ? { since: q.since } : {}),
		...(q.until ? { until: q.until } : {}),
		orderBy: 'relevance',
		limit: CANDIDATES,
	};
}

/**
 * Topic hits, then the rest of their stories: the same side's statements in the articles the hits (and
 * `alsoArticles`) came from, which often carry the position without the topic's words ("absurd,
 * ludicrous"). `keepRelevant` decides which of those belong (same topic tag or none).
 */
async function hitsAndStories(
	store: Store,
	filter: StatementFilter,
	side: Pick<StatementFilter, 'actors' | 'aboutActors'>,
	belongs: (s: StoredStatement) => boolean,
	topicId: string | null,
	alsoArticles: StoredStatement[] = [],
): Promise<StoredStatement[]> {
	const hits = (await store.statements.find({ ...filter, ...side })).filter(belongs);
	const first = keepRelevant([...hits, ...alsoArticles], topicId);
	const articleIds = [...new Set(first.map((s) => s.articleId))];
	if (articleIds.length === 0) return [];
	const { since, until } = filter;
	const story = await store.statements.find({ ...side, articleIds, since, until, limit: CANDIDATES });
	// First copy wins: hits carry their text relevance, story rows none.
	const byId = new Map([...hits, ...alsoArticles, ...story].reverse().map((s) => [s.id, s]));
	return keepRelevant([...byId.values()], topicId).filter(belongs);
}

/**
 * Own statements: `actor` is the actor and no other actor's position is being reported (a statement
 * about itself still counts). Claims: `aboutActor` is the actor and the speaker speaks for someone else,
 * found by topic or in the stories the actor's own statements came from (where denials pair with them).
 */
export async function retrieveStatements(q: ResolvedQuery, store: Store): Promise<Retrieved> {
	const name = q.actor.name;
	const filter = topicFilter(q);
	const isOwn = (s: StoredStatement) => s.aboutActor === null || same(s.aboutActor, name);
	const own = await hitsAndStories(store, filter, { actors: [name] }, isOwn, q.topic.id);
	const isClaim = (s: StoredStatement) => same(s.aboutActor, name) && !same(s.actor, name);
	const claims = await hitsAndStories(store, filter, { aboutActors: [name] }, isClaim, q.topic.id, own);
	return { own: own.sort(newestFirst), claims: claims.sort(newestFirst) };
}
