import type { Config } from './config.js';
import type { Extractor } from './ingest/extractor.js';
import type { Llm } from './llm/llm.js';
import type { Logger } from './log.js';
import type { Store } from './store/store.js';

/** Everything src/ functions need besides their arguments; built once in the composition root. */
export type Deps = {
	config: Config;
	log: Logger;
	store: Store;
	/** null when no ANTHROPIC_API_KEY is set: answers are extractive. */
	llm: Llm | null;
	/** Injectable clock so "N days ago" and retention are testable. */
	now: () => Date;
	/** How ingested articles become statements; rules only when absent (see createExtractor). */
	extract?: Extractor;
};
