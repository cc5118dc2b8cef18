import type { Usage } from '../answer/briefing.js';

/** A stored statement as the LLM sees it: one Citations `search_result` block each, in this order. */
export type LlmStatement = {
	quote: string;
	speaker: string;
	speakerRole: string | null;
	outlet: string | null;
	published: string | null;
	url: string | null;
	title: string | null;
};

/** Prose with citations that were verified against the statements sent (0-based indexes into them). */
export type LlmAnswer = {
	segments: { text: string; citations: number[] }[];
	usage: Usage;
	requestId: string | null;
};

/** An earlier turn of a follow-up thread, replayed as context. */
export type LlmTurn = { role: 'user' | 'assistant'; text: string; citations: number[] };

/** Thrown for every LLM failure the caller should answer extractively (timeout, 429/529, refusal, zero valid citations...). */
export class LlmUnavailableError extends Error {
	override name = 'LlmUnavailableError';
	constructor(
		/** A short, user-presentable reason, e.g. "the language model timed out". */
		readonly reason: string,
		options?: { cause?: unknown },
	) {
		super(reason, options);
	}
}

/** The narrow interface the rest of src/ uses; only src/llm/ knows it is Anthropic. */
export type Llm = {
	summarizeStance(request: {
		actor: string;
		topic: string;
		statements: LlmStatement[];
		signal?: AbortSignal;
	}): Promise<LlmAnswer>;
	followUp(request: {
		actor: string;
		topic: string;
		question: string;
		statements: LlmStatement[];
		turns: LlmTurn[];
		signal?: AbortSignal;
	}): Promise<LlmAnswer>;
};
