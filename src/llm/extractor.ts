import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { z } from 'zod';
import type { Usage } from '../answer/briefing.js';
import type { Config } from '../config.js';
import { StanceSchema, StatementKindSchema } from '../extract/statement.js';
import type { Logger } from '../log.js';
import { callMessages, createAnthropicClient, deadlineFor } from './client.js';
import { logFailure } from './errors.js';
import { LlmUnavailableError } from './llm.js';
import { modelProfile, usageOf } from './models.js';
import { loadPrompt } from './prompts.js';

// Integers are checked by refine, not .int(): .int() puts ±2^53 bounds into the schema sent to the model.
const sentenceId = z.number().refine(Number.isInteger, 'must be a sentence id');

/** One statement as the model reports it: sentence ids and short anchors, never the quote itself (llm-citations §3.5). */
export const ExtractedItemSchema = z.object({
	first_sentence: sentenceId,
	last_sentence: sentenceId,
	starts_with: z.string(),
	ends_with: z.string(),
	kind: StatementKindSchema,
	speaker: z.string(),
	speaker_as_written: z.string(),
	speaker_role: z.string().nullable(),
	actor: z.string().nullable(),
	about_actor: z.string().nullable(),
	stance: StanceSchema.nullable(),
});
/** One statement as the model reports it. */
export type ExtractedItem = z.infer<typeof ExtractedItemSchema>;

const ExtractionSchema = z.object({ statements: z.array(ExtractedItemSchema) });
const LenientSchema = z.object({ statements: z.array(z.unknown()) });

/** Bumped whenever prompts/extract.md or the schema changes, so cached extractions are redone. */
export const EXTRACT_PROMPT_VERSION = 1;
// Output room for a long article's statements; far below the size that would need streaming.
const EXTRACT_MAX_TOKENS = 8_000;

/** Claude's statement finder for one article, given as numbered sentences. */
export type ClaudeExtractor = {
	model: string;
	extract(request: { title: string | null; sentences: string[]; signal?: AbortSignal }): Promise<{
		items: ExtractedItem[];
		/** Items the model returned that did not fit the schema, dropped one by one. */
		invalid: number;
		usage: Usage;
		requestId: string | null;
	}>;
};

// Structured output is validated as a whole by the SDK helper; when one item is malformed, the valid rest are kept.
function parseItems(text: string, format: ReturnType<typeof zodOutputFormat<typeof ExtractionSchema>>) {
	try {
		return { items: format.parse(text).statements, invalid: 0 };
	} catch {
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch {
			throw new LlmUnavailableError('the language model returned malformed JSON');
		}
		const lenient = LenientSchema.safeParse(raw);
		if (!lenient.success) throw new LlmUnavailableError('the language model returned JSON of the wrong shape');
		const parsed = lenient.data.statements.map((item) => ExtractedItemSchema.safeParse(item));
		const items = parsed.flatMap((p) => (p.success ? [p.data] : []));
		return { items, invalid: parsed.length - items.length };
	}
}

/** The Claude extractor, or null without an API key. Uses structured output (no citations: the two are a 400 together). */
export function createClaudeExtractor(
	config: Config['anthropic'],
	log: Logger,
	options: { strong?: boolean } = {},
): ClaudeExtractor | null {
	const client = createAnthropicClient(config, log);
	if (!client) return null;
	const model = options.strong ? config.strongModel : config.model;
	const profile = modelProfile(model);
	const format = zodOutputFormat(ExtractionSchema);
	const system = loadPrompt('extract', { max_anchor_words: 6 });
	return {
		model,
		async extract({ title, sentences, signal }) {
			const article = { title, sentences: sentences.map((text, i) => ({ id: i + 1, text })) };
			let result: Awaited<ReturnType<typeof callMessages>>;
			try {
				result = await callMessages(
					client,
					{
						model,
						max_tokens: EXTRACT_MAX_TOKENS,
						system,
						messages: [{ role: 'user', content: JSON.stringify(article) }],
						output_config: { effort: profile.effort, format },
						...(profile.thinking ? { thinking: profile.thinking } : {}),
					},
					{ stream: false, deadlineMs: deadlineFor(config), signal },
				);
			} catch (err) {
				logFailure(log, err, { kind: 'extract', model });
				throw err;
			}
			const { message, requestId } = result;
			const usage = usageOf(model, message.usage);
			if (message.stop_reason !== 'end_turn' && message.stop_reason !== 'stop_sequence') {
				log.warn({ kind: 'extract', requestId, stopReason: message.stop_reason }, 'llm extraction incomplete');
				throw new LlmUnavailableError(`the language model stopped early (${message.stop_reason})`, { usage });
			}
			const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
			let parsed: ReturnType<typeof parseItems>;
			try {
				parsed = parseItems(text, format);
			} catch (err) {
				if (!(err instanceof LlmUnavailableError)) throw err;
				log.warn({ kind: 'extract', requestId, reason: err.reason }, 'llm extraction unreadable');
				throw new LlmUnavailableError(err.reason, { usage, cause: err });
			}
			const { items, invalid } = parsed;
			log.info({ kind: 'extract', requestId, ...usage, items: items.length, invalid }, 'llm extraction');
			return { items, invalid, usage, requestId };
		},
	};
}
