import type { Briefing } from '../answer/briefing.js';
import type { NewThreadContext, ThreadTurn } from '../store/threads.js';

/** Where an answer was posted and who asked. */
export type AnswerPlace = { messageId: string; guildId: string; channelId: string; userId: string };

/**
 * The follow-up context of a /stance answer, keyed by the answer's message id (a thread started
 * from that message gets the same id). Statements are ordered by citation number, and turn
 * citations are 0-based indexes into that order, as the model will see them on replay.
 */
export function threadContextFromBriefing(b: Briefing, place: AnswerPlace): NewThreadContext {
	const cited = [...b.quotes, ...b.claims].sort((x, y) => x.n - y.n);
	const statementIds = cited.map((q) => q.statementId);
	const indexOf = new Map(cited.map((q, i) => [q.n, i]));
	const summary: ThreadTurn = {
		role: 'assistant',
		text: b.summary.map((s) => s.text.trim()).join(' '),
		citations: [...new Set(b.summary.flatMap((s) => s.citations.map((n) => indexOf.get(n) ?? -1)))].filter(
			(i) => i >= 0,
		),
		authorId: null,
	};
	return {
		threadId: place.messageId,
		guildId: place.guildId,
		channelId: place.channelId,
		actor: { id: b.actor.id, name: b.actor.name },
		topic: { id: b.topic.id, label: b.topic.label },
		since: b.since,
		until: b.until,
		statementIds,
		createdBy: place.userId,
		// The /stance question itself is implied by actor and topic; the first stored turn is the answer.
		turns: summary.text ? [summary] : [],
	};
}
