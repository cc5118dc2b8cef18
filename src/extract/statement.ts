import { z } from 'zod';

/** A position toward a topic. `neutral` when unclear: the extractor never guesses. */
export const StanceSchema = z.enum(['support', 'oppose', 'neutral', 'mixed']);
/** A stance value. */
export type Stance = z.infer<typeof StanceSchema>;

/** Direct = inside quotation marks; indirect = a reported clause ("X said that ..."). */
export const StatementKindSchema = z.enum(['direct', 'indirect']);
/** A statement kind. */
export type StatementKind = z.infer<typeof StatementKindSchema>;

/**
 * One attributed statement found in an article body.
 * Invariant: `body.slice(start, end) === quote` (verbatim, never rewritten).
 */
export const StatementSchema = z.object({
	start: z.number().int().min(0),
	end: z.number().int().min(0),
	quote: z.string().min(1),
	kind: StatementKindSchema,
	/** Resolved speaker: a full person name ("Dmitry Peskov") or an institution ("Kremlin"). */
	speaker: z.string().min(1),
	/** The speaker exactly as the text names them at the attribution ("he", "the spokesman", "Peskov"). */
	speakerAsWritten: z.string(),
	speakerRole: z.string().nullable(),
	/** Canonical actor the speaker speaks for ("Russia", "United States", "European Union"), or null when unknown. */
	actor: z.string().nullable(),
	/** Set when the statement reports ANOTHER actor's position; `stance` is then the stance attributed to that actor. */
	aboutActor: z.string().nullable(),
	/** Canonical topic id from the topic registry ("european-peacekeepers-ukraine"), or null. */
	topic: z.string().nullable(),
	stance: StanceSchema.nullable(),
	/** The reporting verb or cue ("said", "warned", "according to"), for display and debugging. */
	cue: z.string().nullable(),
	/** The sentence(s) around the quote, verbatim from the body: context for search and for the LLM. */
	context: z.string(),
	confidence: z.number().min(0).max(1),
	extractor: z.string(),
	extractorVersion: z.string(),
});
/** One attributed statement. */
export type Statement = z.infer<typeof StatementSchema>;
