import type { ArticleText } from '../extract/attribution.js';
import { extractStatements } from '../extract/extract.js';
import type { Statement } from '../extract/statement.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';

/** What ingest needs from an extractor: its version (stored per article) and the extraction itself. */
export type Extractor = {
	version: string;
	extract(article: ArticleText): Statement[] | Promise<Statement[]>;
};

/** The rule extractor, the default when the caller passes none. */
export const rulesExtractor: Extractor = { version: EXTRACTOR_VERSION, extract: extractStatements };
