import type { Deps } from '../deps.js';
import { type LlmAnswer, type LlmStatement, LlmUnavailableError } from '../llm/llm.js';
import { estimateStanceInputTokens } from '../llm/tokens.js';
import type { BriefingQuote, SummarySegment, Usage } from './briefing.js';
import { llmAllowance, type Requester } from './limits.js';

/** At most this many statements go to the model, newest first, in the order they are numbered. */
export const MAX_LLM_STATEMENTS = 20;
/** The input budget for one summary: 20 ordinary statements fit; a few very long ones are cut from the end. */
export const MAX_INPUT_TOKENS = 4_000;

/** What the model sees of a quote: the stored words and metadata, and whose position it states. */
export function toLlmStatement(q: BriefingQuote): LlmStatement {
	return {
		quote: q.quote,
		speaker: q.speaker,
		speakerRole: q.speakerRole,
		actor: q.actor,
		aboutActor: q.aboutActor,
		outlet: q.outlet,
		published: q.published,
		url: q.url,
		title: q.title,
	};
}

/**
 * The quotes to send for a /stance summary: the first (newest) ones, at most 20, stopping before the
 * estimated input (the real request, built offline) would pass 4,000 tokens.
 */
export function selectForLlm(quotes: BriefingQuote[], actor: string, topic: string): BriefingQuote[] {
	const chosen: BriefingQuote[] = [];
	for (const q of quotes.slice(0, MAX_LLM_STATEMENTS)) {
		const statements = [...chosen, q].map(toLlmStatement);
		if (chosen.length > 0 && estimateStanceInputTokens({ actor, topic, statements }) > MAX_INPUT_TOKENS) break;
		chosen.push(q);
	}
	return chosen;
}

/** The LLM's segments, or why the answer is extractive. */
export type LlmOutcome =
	| { ok: true; segments: SummarySegment[]; usage: Usage }
	| { ok: false; note: string; usage: Usage | null };

/** Maps verified 0-based citation indexes to the numbers of the quotes sent; drops segments left without text. */
export function mapCitations(answer: LlmAnswer, sent: BriefingQuote[]): SummarySegment[] {
	return answer.segments
		.map((seg) => {
			const numbers = seg.citations
				.filter((i) => Number.isInteger(i) && i >= 0 && i < sent.length)
				.map((i) => (sent[i] as BriefingQuote).n);
			return { text: seg.text.trim(), citations: [...new Set(numbers)] };
		})
		.filter((seg) => seg.text.length > 0);
}

const offline = (why: string) => `Summary written without the language model: ${why}.`;

/**
 * Runs one language-model call within the rate limits and daily budget, records its usage, and maps its
 * citations to quote numbers. Any failure becomes `ok: false` with a short note: the caller answers extractively.
 */
export async function runLlm(
	purpose: 'stance' | 'follow-up',
	who: Requester,
	sent: BriefingQuote[],
	estimated: number,
	call: (statements: LlmStatement[]) => Promise<LlmAnswer>,
	deps: Deps,
): Promise<LlmOutcome> {
	const statements = sent.map(toLlmStatement);
	const allowance = await llmAllowance(who, estimated, deps);
	if (!allowance.ok) {
		deps.log.info({ purpose, reason: allowance.reason }, 'llm skipped: limit reached');
		return { ok: false, note: offline(allowance.reason), usage: null };
	}
	const record = (usage: Usage | null, ok: boolean) =>
		deps.store.usage
			.record({
				at: deps.now(),
				purpose,
				userId: who.userId ?? null,
				guildId: who.guildId ?? null,
				model: usage?.model ?? deps.config.anthropic.model,
				inputTokens: usage?.inputTokens ?? 0,
				outputTokens: usage?.outputTokens ?? 0,
				cacheReadTokens: usage?.cacheReadTokens ?? 0,
				cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
				costUsd: usage?.costUsd ?? 0,
				ok,
			})
			.catch((err: unknown) => deps.log.error({ err }, 'could not record llm usage'));
	let answer: LlmAnswer;
	try {
		answer = await call(statements);
	} catch (err) {
		await record(err instanceof LlmUnavailableError ? err.usage : null, false);
		if (err instanceof LlmUnavailableError) {
			deps.log.warn({ purpose, reason: err.reason }, 'llm unavailable: answering extractively');
			return { ok: false, note: offline(err.reason), usage: null };
		}
		deps.log.error({ err }, 'llm call failed unexpectedly: answering extractively');
		return { ok: false, note: offline('the language model failed'), usage: null };
	}
	await record(answer.usage, true);
	deps.log.info(
		{ purpose, requestId: answer.requestId, estimatedInputTokens: estimated, ...answer.usage },
		'llm answer',
	);
	const segments = mapCitations(answer, sent);
	if (!segments.some((s) => s.citations.length > 0)) {
		return { ok: false, note: offline('its answer cited none of the stored quotes'), usage: answer.usage };
	}
	return { ok: true, segments, usage: answer.usage };
}
