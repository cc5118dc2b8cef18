import type { Deps } from '../deps.js';
import type { ThreadContext } from '../store/threads.js';
import type { BriefingQuote, SummarySegment } from './briefing.js';
import { answerFollowUp } from './follow-up.js';

/** What the Discord thread responder needs back: the view to render, the turn to store, the statements added. */
export type ThreadFollowUpResult = {
	view: { summary: SummarySegment[]; quotes: BriefingQuote[]; note: string | null };
	assistant: { text: string; citations: number[] };
	newStatementIds: number[];
};

/** answerFollowUp for a stored Discord thread context (the shape src/discord/threads.ts calls). */
export async function answerThreadFollowUp(
	request: { context: ThreadContext; question: string; guildId: string; userId: string },
	deps: Deps,
): Promise<ThreadFollowUpResult> {
	const { context } = request;
	const answer = await answerFollowUp(
		{
			question: request.question,
			thread: {
				actor: context.actor.name,
				topic: context.topic.id ?? context.topic.label,
				since: context.since,
				until: context.until,
				statementIds: context.statementIds,
				turns: context.turns.map((t) => ({ role: t.role, text: t.text, citations: t.citations })),
			},
			userId: request.userId,
			guildId: request.guildId,
		},
		deps,
	);
	return {
		view: { summary: answer.segments, quotes: answer.quotes, note: answer.note },
		assistant: answer.assistant,
		newStatementIds: answer.newStatementIds,
	};
}
