import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import type { ArticleText } from '../extract/attribution.js';
import { claudeExtractorVersion, extractArticle } from '../extract/claude.js';
import { extractStatements } from '../extract/extract.js';
import type { Statement } from '../extract/statement.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { type ClaudeExtractor, createClaudeExtractor } from '../llm/extractor.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { storeExtractionCache } from './extraction-cache.js';

/** What an extraction produced, when it differs from the extractor's usual version (e.g. rules only, Claude down). */
export type Extraction = { statements: Statement[]; version: string };

/** What ingest needs from an extractor: its version (stored per article) and the extraction itself. */
export type Extractor = {
	version: string;
	extract(article: ArticleText): Statement[] | Extraction | Promise<Statement[] | Extraction>;
};

/** An offline extractor, whose output the Claude path merges with the model's. */
export type RuleExtractor = { version: string; extract(article: ArticleText): Statement[] };

/** The rule extractor, the default when the caller passes none. */
export const rulesExtractor: Extractor & RuleExtractor = { version: EXTRACTOR_VERSION, extract: extractStatements };

/** Throws the UserError a misconfigured extractor deserves (EXTRACTOR=claude without a key), before any work starts. */
export function checkExtractorConfig(config: Pick<Config, 'extractor' | 'anthropic'>): void {
	if (config.extractor === 'claude' && !config.anthropic.apiKey) {
		throw new UserError('EXTRACTOR=claude needs ANTHROPIC_API_KEY; set the key or use EXTRACTOR=auto.');
	}
}

/**
 * The extractor the configuration asks for: the rules alone (EXTRACTOR=rules, or auto without a key), else the rules
 * merged with Claude's findings, cached in the store by body hash, model and prompt version. When Claude is
 * unavailable the rule output is returned under the rules' own version, so a later ingest tries Claude again.
 * `options.rules` replaces the rule extractor (tests, benchmarks).
 */
export function createExtractor(
	config: Pick<Config, 'extractor' | 'anthropic'>,
	log: Logger,
	store: Pick<Store, 'extractions'>,
	options: { rules?: RuleExtractor } = {},
): Extractor {
	checkExtractorConfig(config);
	const rules = options.rules ?? rulesExtractor;
	if (config.extractor === 'rules') return rules;
	const claude = createClaudeExtractor(config.anthropic, log);
	if (!claude) return rules;
	const version = `${rules.version}+${claudeExtractorVersion(claude.model)}`;
	const cache = storeExtractionCache(store.extractions, log);
	return {
		version,
		async extract(article) {
			// Per call, not shared: the bot may ingest two articles at once.
			let failed = false;
			const watched: ClaudeExtractor = {
				model: claude.model,
				extract: (request) =>
					claude.extract(request).catch((err: unknown) => {
						failed = true;
						throw err;
					}),
			};
			const statements = await extractArticle(article, {
				mode: config.extractor,
				extractor: watched,
				cache,
				log,
				rules: rules.extract,
			});
			return { statements, version: failed ? rules.version : version };
		},
	};
}
