import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import { estimateStanceInputTokens } from '../llm/tokens.js';
import { suggestTopics } from '../topics/registry.js';
import { aggregateStance } from './aggregate.js';
import type { Briefing } from './briefing.js';
import { pairDenials } from './claims.js';
import { extractiveParts } from './extractive.js';
import { runLlm, selectForLlm, toLlmStatement } from './llm-summary.js';
import type { StanceQuery } from './query.js';
import { toBriefingQuote } from './quotes.js';
import { type ResolvedQuery, resolveStanceQuery } from './resolve-query.js';
import { retrieveStatements } from './retrieve.js';
import { collapseSyndicated } from './syndication.js';
import { buildTimeline, findStanceChange, formatDay, lastOnRecord } from './timeline.js';

/** Most own quotes a briefing shows (after syndicated copies collapse), newest first. */
export const MAX_QUOTES = 20;
/** Most claims by others a briefing shows. */
export const MAX_CLAIMS = 8;

async function nothingFound(q: ResolvedQuery, deps: Deps): Promise<never> {
	const when = q.since || q.until ? ` between ${q.since ?? 'the start'} and ${q.until ?? 'today'}` : '';
	const understood = `No statements by or about ${q.actor.name} on "${q.topic.label}"${when}.`;
	const spoken = await deps.store.statements.countTopics('', 5, q.actor.name);
	const near = q.topic.id ? [] : suggestTopics(q.topic.input, 3);
	const hints = [
		near.length > 0 ? `Known topics like yours: ${near.map((t) => `"${t}"`).join(', ')}.` : null,
		spoken.length > 0
			? `Topics ${q.actor.name} has spoken on: ${spoken.map((t) => `"${t.value}"`).join(', ')}.`
			: `Nothing from ${q.actor.name} is stored yet; add articles with /ingest or \`npm run ingest\`.`,
	];
	throw new UserError([understood, ...hints.filter(Boolean)].join(' '));
}

function changeReason(quotes: Briefing['quotes'], change: NonNullable<Briefing['stanceChange']>): string | null {
	const from = quotes.find((x) => x.n === change.from);
	const to = quotes.find((x) => x.n === change.to);
	if (!from?.published || !to?.published) return null;
	return `position changed: ${from.stance} on ${formatDay(from.published.slice(0, 10))}, ${to.stance} by ${formatDay(to.published.slice(0, 10))}`;
}

/**
 * Answers `/stance <actor> <topic>`: the actor's own statements (newest first, syndicated copies collapsed),
 * an overall stance, a timeline, claims by others kept apart, and a summary written by the language model
 * with verified citations when available and allowed, else extractively. Throws UserError for bad input
 * or when nothing is stored.
 */
export async function answerStance(query: StanceQuery, deps: Deps): Promise<Briefing> {
	const q = resolveStanceQuery(query);
	const { own, claims: claimRows } = await retrieveStatements(q, deps.store);
	if (own.length === 0 && claimRows.length === 0) return nothingFound(q, deps);

	const groups = collapseSyndicated(own).slice(0, MAX_QUOTES);
	const quotes = groups.map((g, i) => toBriefingQuote(g, i + 1));
	const claimGroups = collapseSyndicated(claimRows).slice(0, MAX_CLAIMS);
	const articleOf = new Map([...own, ...claimRows].map((s) => [s.id, s.articleId]));
	const claims = pairDenials(
		claimGroups.map((g, i) => toBriefingQuote(g, quotes.length + i + 1)),
		quotes,
		articleOf,
	);

	// The story around a topic hit is shown, but a statement tagged with ANOTHER topic ("condemned the
	// blockade" in a peace-treaty story) speaks to that topic, so it does not vote on this one.
	const onTopic = groups.map((g) => g.statement).filter((s) => !q.topic.id || !s.topic || s.topic === q.topic.id);
	const voters = onTopic.length > 0 ? onTopic : groups.map((g) => g.statement);
	const verdict =
		quotes.length > 0
			? aggregateStance(voters)
			: { stance: 'neutral' as const, reason: `no statements by ${q.actor.name} itself; only claims by others` };
	const stanceChange = findStanceChange(quotes);
	const reason = (verdict.stance === 'mixed' && stanceChange && changeReason(quotes, stanceChange)) || verdict.reason;

	const parts = extractiveParts({ actorName: q.actor.name, stance: verdict.stance, quotes, claims, stanceChange });
	const facts = [parts.change, parts.claims].filter((s) => s !== null);
	let summary = [...parts.sides, ...facts];
	let mode: Briefing['mode'] = 'extractive';
	let note: string | null = null;
	let usage: Briefing['usage'] = null;
	if (deps.llm && quotes.length > 0) {
		const llm = deps.llm;
		const actor = q.actor.name;
		const topic = q.topic.label;
		const sent = selectForLlm(quotes, actor, topic);
		const estimated = estimateStanceInputTokens({ actor, topic, statements: sent.map(toLlmStatement) });
		const outcome = await runLlm(
			'stance',
			query,
			sent,
			estimated,
			(statements) => llm.summarizeStance({ actor, topic, statements, strong: query.strong ?? false }),
			deps,
		);
		usage = outcome.usage;
		if (outcome.ok) {
			mode = 'llm';
			// The model sees only own statements: the change and the claims by others are added from the store.
			summary = [...outcome.segments, ...facts];
		} else note = outcome.note;
	}

	deps.log.info(
		{
			actor: q.actor.name,
			topic: q.topic.label,
			topicId: q.topic.id,
			quotes: quotes.length,
			claims: claims.length,
			stance: verdict.stance,
			mode,
		},
		'stance answered',
	);
	return {
		actor: { id: q.actor.name, name: q.actor.name, input: q.actorInput },
		topic: { id: q.topic.id, label: q.topic.label, input: q.topic.input },
		since: q.since,
		until: q.until,
		stance: verdict.stance,
		stanceReason: reason,
		summary,
		mode,
		note,
		quotes,
		claims,
		timeline: buildTimeline(quotes),
		lastStatement: lastOnRecord(quotes, deps.now()),
		stanceChange,
		usage,
	};
}
