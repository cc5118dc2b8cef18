import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ClaudeExtractor } from '../llm/extractor.js';
import { EXTRACT_PROMPT_VERSION } from '../llm/extractor.js';
import { LlmUnavailableError } from '../llm/llm.js';
import type { Logger } from '../log.js';
import type { ArticleText, Attribution } from './attribution.js';
import { locateSpan, splitSentences } from './claude-spans.js';
import { enrichStatement } from './enrich.js';
import { mergeStatements } from './merge.js';
import { StanceSchema, type Statement, StatementKindSchema } from './statement.js';

// A model's attribution is good but not certain: a sure rule (a quote with "said X" beside it) keeps precedence.
const CONFIDENCE = { direct: 0.85, indirect: 0.75 } as const;

/** What the Claude path found in one article, located in the body; cached by body hash and model. */
export const ClaudeFindingSchema = z.object({
	start: z.number().int().min(0),
	end: z.number().int().min(0),
	contextStart: z.number().int().min(0),
	contextEnd: z.number().int().min(0),
	kind: StatementKindSchema,
	speaker: z.string(),
	speakerAsWritten: z.string(),
	speakerRole: z.string().nullable(),
	actor: z.string().nullable(),
	aboutActor: z.string().nullable(),
	stance: StanceSchema.nullable(),
});
/** A statement the Claude path found, located in the body. */
export type ClaudeFinding = z.infer<typeof ClaudeFindingSchema>;
const FindingsSchema = z.array(ClaudeFindingSchema);

/** Where Claude's findings are kept between runs; in memory for now, a store table can implement it later. */
export type ExtractionCache = {
	get(key: string): Promise<unknown>;
	set(key: string, value: ClaudeFinding[]): Promise<void>;
};

/** An in-process cache that forgets the oldest entries beyond `limit`. */
export function createMemoryExtractionCache(limit = 1_000): ExtractionCache {
	const entries = new Map<string, ClaudeFinding[]>();
	return {
		async get(key) {
			return entries.get(key);
		},
		async set(key, value) {
			entries.delete(key);
			entries.set(key, value);
			for (const oldest of entries.keys()) {
				if (entries.size <= limit) break;
				entries.delete(oldest);
			}
		},
	};
}

/** The extractor version recorded on Claude statements: model and prompt version, so either change re-extracts. */
export function claudeExtractorVersion(model: string): string {
	return `claude:${model}:${EXTRACT_PROMPT_VERSION}`;
}

/** The cache key of an article for a model: the body's sha256, the model and the prompt version. */
export function cacheKey(body: string, model: string): string {
	return `${createHash('sha256').update(body).digest('hex')}:${claudeExtractorVersion(model)}`;
}

async function findings(
	article: ArticleText,
	extractor: ClaudeExtractor,
	options: { cache: ExtractionCache; log: Logger; signal?: AbortSignal },
): Promise<ClaudeFinding[]> {
	const key = cacheKey(article.body, extractor.model);
	const cached = FindingsSchema.safeParse(await options.cache.get(key));
	if (cached.success && cached.data.every((f) => f.end <= article.body.length)) return cached.data;
	const sentences = splitSentences(article.body);
	const texts = sentences.map((s) => article.body.slice(s.start, s.end));
	const { items } = await extractor.extract({ title: article.title, sentences: texts, signal: options.signal });
	const found: ClaudeFinding[] = [];
	for (const item of items) {
		const span = locateSpan(article.body, sentences, item);
		if (!span) continue;
		const context = {
			start: sentences[item.first_sentence - 1]?.start ?? span.start,
			end: sentences[item.last_sentence - 1]?.end ?? span.end,
		};
		found.push({
			start: span.start,
			end: span.end,
			contextStart: context.start,
			contextEnd: context.end,
			kind: item.kind,
			speaker: item.speaker.trim() || item.speaker_as_written.trim(),
			speakerAsWritten: item.speaker_as_written.trim(),
			speakerRole: item.speaker_role?.trim() || null,
			actor: item.actor?.trim() || null,
			aboutActor: item.about_actor?.trim() || null,
			stance: item.stance,
		});
	}
	const dropped = items.length - found.length;
	if (dropped > 0)
		options.log.warn(
			{ dropped, returned: items.length },
			'claude statements not found verbatim in the body were dropped',
		);
	await options.cache.set(key, found);
	return found;
}

function toStatement(f: ClaudeFinding, article: ArticleText, version: string): Statement | null {
	if (!f.speaker) return null;
	const attribution: Attribution = {
		start: f.start,
		end: f.end,
		quote: article.body.slice(f.start, f.end),
		kind: f.kind,
		speaker: f.speaker,
		speakerAsWritten: f.speakerAsWritten || f.speaker,
		speakerDescriptor: f.speakerRole,
		cue: null,
		context: article.body.slice(f.contextStart, f.contextEnd),
		contextStart: f.contextStart,
		confidence: CONFIDENCE[f.kind],
		rule: 'claude',
	};
	const enriched = enrichStatement(attribution, article, version);
	// The registries name actors canonically, so they win; the model fills what they leave unknown.
	return {
		...enriched,
		actor: enriched.actor ?? f.actor,
		aboutActor: f.aboutActor ?? enriched.aboutActor,
		stance: f.stance ?? enriched.stance,
		extractor: 'claude',
		extractorVersion: version,
	};
}

/** Claude's statements for one article: every quote cut verbatim from the body, those it cannot place dropped. */
export async function extractWithClaude(
	article: ArticleText,
	extractor: ClaudeExtractor,
	options: { cache: ExtractionCache; log: Logger; signal?: AbortSignal },
): Promise<Statement[]> {
	const version = claudeExtractorVersion(extractor.model);
	return (await findings(article, extractor, options)).flatMap((f) => toStatement(f, article, version) ?? []);
}

/** Everything the extraction pipeline needs to choose between rules and Claude. */
export type ExtractionDeps = {
	mode: 'rules' | 'claude' | 'auto';
	/** null without an API key. */
	extractor: ClaudeExtractor | null;
	cache: ExtractionCache;
	log: Logger;
	/** The offline rule engine (src/extract/extract.ts `extractStatements`). */
	rules: (article: ArticleText) => Statement[];
	signal?: AbortSignal;
};

/**
 * Statements for an article: the rules alone, or merged with Claude's when a key is set and EXTRACTOR is
 * claude/auto. Any LLM failure keeps the rule output. EXTRACTOR=claude without a key is a configuration error.
 */
export async function extractArticle(article: ArticleText, deps: ExtractionDeps): Promise<Statement[]> {
	const rules = deps.rules(article);
	if (deps.mode === 'rules') return rules;
	if (!deps.extractor) {
		if (deps.mode === 'claude')
			throw new UserError('EXTRACTOR=claude needs ANTHROPIC_API_KEY; set the key or use EXTRACTOR=auto.');
		return rules;
	}
	try {
		return mergeStatements(rules, await extractWithClaude(article, deps.extractor, deps));
	} catch (err) {
		if (!(err instanceof LlmUnavailableError)) throw err;
		deps.log.warn({ reason: err.reason }, 'claude extraction unavailable; keeping the rule output');
		return rules;
	}
}
