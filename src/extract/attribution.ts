import type { StatementKind } from './statement.js';

/** The article text the extractor works on. `published` (ISO date) picks the role a speaker held that day. */
export type ArticleText = { title: string | null; body: string; published?: string | null };

/**
 * A quote or reported clause with its speaker, as the rule engine finds it, before actor, topic,
 * stance and about_actor are added by `enrichStatement`. Invariant: `body.slice(start, end) === quote`.
 */
export type Attribution = {
	start: number;
	end: number;
	quote: string;
	kind: StatementKind;
	/** Resolved through the article's mention table: the full name or organisation as first introduced. */
	speaker: string;
	/** The speaker as written at the attribution site ("he", "the spokesman", "Peskov"). */
	speakerAsWritten: string;
	/** A title or apposition seen with this speaker anywhere in the article ("Kremlin spokesperson", "Russian Foreign Minister"). */
	speakerDescriptor: string | null;
	/** The reporting verb or cue ("said", "warned", "according to"). */
	cue: string | null;
	/** The verbatim sentence(s) holding the quote and its attribution. */
	context: string;
	contextStart: number;
	confidence: number;
	/** The rule that found it, for debugging and per-rule metrics. */
	rule: string;
};
