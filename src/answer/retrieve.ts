import type { StatementFilter, Store, StoredStatement } from '../store/store.js';
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

/**
 * Keeps statements on the topic. With a registry topic: every statement tagged with it, plus untagged
 * statements that match the topic's words about as well as the tagged ones, or that stand in the same
 * article as a tagged one (a report is usually about one thing; its topic words sit in other sentences).
 * A statement tagged with another topic is about that topic, whatever words it shares. Without a registry
 * topic: full-text hits scoring near the best hit, so one shared word ("deal", "sea") pulls in nothing.
 */
export function keepRelevant(statements: StoredStatement[], topicId: string | null): StoredStatement[] {
	if (topicId === null) {
		const best = Math.max(0, ...statements.map((s) => s.relevance));
		return statements.filter((s) => best > 0 && s.relevance >= MIN_RELATIVE_RELEVANCE_FREE_TEXT * best);
	}
	// The store adds 1 for a topic-id hit; the rest is text rank.
	const textRank = (s: StoredStatement) => (s.topic === topicId ? s.relevance - 1 : s.relevance);
	const best = Math.max(0, ...statements.map(textRank));
	const onTopicArticles = new Set(statements.filter((s) => s.topic === topicId).map((s) => s.articleId));
	return statements.filter(
		(s) =>
			s.topic === topicId ||
			(s.topic === null &&
				(onTopicArticles.has(s.articleId) || (best > 0 && textRank(s) >= MIN_RELATIVE_RELEVANCE * best))),
	);
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
 * Own statements: `actor` is the actor and no other actor's position is being reported (a statement
 * about itself still counts). Claims: `aboutActor` is the actor and the speaker speaks for someone else.
 */
export async function retrieveStatements(q: ResolvedQuery, store: Store): Promise<Retrieved> {
	const name = q.actor.name;
	const filter = topicFilter(q);
	const [ownRows, claimRows] = await Promise.all([
		store.statements.find({ ...filter, actors: [name] }),
		store.statements.find({ ...filter, aboutActors: [name] }),
	]);
	const own = ownRows.filter((s) => s.aboutActor === null || same(s.aboutActor, name));
	const claims = claimRows.filter((s) => !same(s.actor, name));
	return {
		own: keepRelevant(own, q.topic.id).sort(newestFirst),
		claims: keepRelevant(claims, q.topic.id).sort(newestFirst),
	};
}
