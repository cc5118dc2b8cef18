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
	/** The actor the speaker speaks for, when known; shown to the model beside the speaker. */
	actor?: string | null;
	/** Set when the statement reports ANOTHER actor's position: the model is told it is a claim about that actor. */
	aboutActor?: string | null;
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
	/** Tokens already spent when the answer was rejected after the API replied (refusal, no valid citation), for budgets. */
	readonly usage: Usage | null;
	constructor(
		/** A short, user-presentable reason, e.g. "the language model timed out". */
		readonly reason: string,
		options?: { cause?: unknown; usage?: Usage },
	) {
		super(reason, options);
		this.usage = options?.usage ?? null;
	}
}

/** A thread follow-up as the LLM layer receives it. */
export type FollowUpRequest = {
	actor: string;
	topic: string;
	question: string;
	/** The thread's statements in their original order; new retrievals for this question go at the end. */
	statements: LlmStatement[];
	/** How many of `statements` the conversation already had (default: all); the rest are new for this question. */
	contextStatementCount?: number;
	turns: LlmTurn[];
	/** Must match the thread's first answer, or the prompt cache misses. */
	strong?: boolean;
	signal?: AbortSignal;
};

/** The narrow interface the rest of src/ uses; only src/llm/ knows it is Anthropic. */
export type Llm = {
	summarizeStance(request: {
		actor: string;
		topic: string;
		statements: LlmStatement[];
		/** Use the stronger (dearer) model from config instead of the fast default. */
		strong?: boolean;
		signal?: AbortSignal;
	}): Promise<LlmAnswer>;
	followUp(request: FollowUpRequest): Promise<LlmAnswer>;
};
