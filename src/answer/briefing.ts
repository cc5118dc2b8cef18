import { z } from 'zod';
import { StanceSchema, StatementKindSchema } from '../extract/statement.js';

/** One quote shown to the user: always the stored text, never model output. `n` is its citation number (1-based). */
export const BriefingQuoteSchema = z.object({
	n: z.number().int().positive(),
	statementId: z.number().int(),
	quote: z.string(),
	kind: StatementKindSchema,
	speaker: z.string(),
	speakerRole: z.string().nullable(),
	actor: z.string().nullable(),
	aboutActor: z.string().nullable(),
	topic: z.string().nullable(),
	stance: StanceSchema.nullable(),
	url: z.string().nullable(),
	outlet: z.string().nullable(),
	/** Every outlet that carried this same quote (syndicated copies collapse into one quote). */
	outlets: z.array(z.string()),
	title: z.string().nullable(),
	published: z.string().nullable(),
});
/** One quote shown to the user. */
export type BriefingQuote = z.infer<typeof BriefingQuoteSchema>;

/** A piece of summary prose and the citation numbers (BriefingQuote.n) that back it. */
export const SummarySegmentSchema = z.object({ text: z.string(), citations: z.array(z.number().int().positive()) });
/** A piece of summary prose. */
export type SummarySegment = z.infer<typeof SummarySegmentSchema>;

/** Token use and cost of one LLM answer. */
export const UsageSchema = z.object({
	model: z.string(),
	inputTokens: z.number().int(),
	outputTokens: z.number().int(),
	cacheReadTokens: z.number().int().default(0),
	cacheWriteTokens: z.number().int().default(0),
	costUsd: z.number(),
	estimated: z.boolean(),
});
/** Token use and cost of one LLM answer. */
export type Usage = z.infer<typeof UsageSchema>;

/** The neutral answer to `/stance`, rendered by both the CLI and Discord. */
export const BriefingSchema = z.object({
	actor: z.object({ id: z.string(), name: z.string(), input: z.string() }),
	topic: z.object({ id: z.string().nullable(), label: z.string(), input: z.string() }),
	since: z.string().nullable(),
	until: z.string().nullable(),
	stance: StanceSchema,
	/** One line on why this overall stance (e.g. "3 of 4 statements oppose; the newest opposes"). */
	stanceReason: z.string(),
	summary: z.array(SummarySegmentSchema),
	/** 'llm' when Claude wrote the summary with verified citations; 'extractive' otherwise. */
	mode: z.enum(['llm', 'extractive']),
	/** Shown under the summary when relevant, e.g. why the answer is extractive. */
	note: z.string().nullable(),
	/** The actor's OWN statements, newest first, numbered. */
	quotes: z.array(BriefingQuoteSchema),
	/** What OTHERS claimed about the actor's position; never counted as the actor's stance. */
	claims: z.array(BriefingQuoteSchema.extend({ deniedBy: z.array(z.number().int().positive()) })),
	timeline: z.array(z.object({ date: z.string().nullable(), stance: StanceSchema.nullable(), n: z.number().int() })),
	lastStatement: z.object({ date: z.string(), daysAgo: z.number().int() }).nullable(),
	stanceChange: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
	usage: UsageSchema.nullable(),
});
/** The neutral answer to `/stance`. */
export type Briefing = z.infer<typeof BriefingSchema>;
