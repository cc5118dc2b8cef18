import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import type { Statement } from '../extract/statement.js';
import type { SaveOutcome } from '../store/store.js';
import { type Extractor, rulesExtractor } from './extractor.js';
import type { FetchLimits } from './fetch.js';
import { makeArticle } from './make-article.js';
import { expandPaths, type PendingArticle, resolveSource, resolveUrl } from './sources.js';
import { isHttpUrl, redactCredentials } from './url.js';

/** What happened to one article: stored (and how), or why not. `statements` counts those extracted in this run. */
export type IngestResult = {
	source: string;
	ok: boolean;
	outcome: SaveOutcome | null;
	statements: number;
	error?: string;
	articleId?: number;
	title?: string | null;
	url?: string | null;
	/** The statements extracted in this run (absent when unchanged or failed), for /ingest's reply. */
	extracted?: Statement[];
	/** How many statements the store holds for the article after this run (also when unchanged); absent on failure. */
	stored?: number;
};

/** Progress after each article; `total` grows when a feed expands into its items. */
export type IngestProgress = { done: number; total: number; result: IngestResult };

/** Ingest's dependencies: the usual deps, an extractor (rules by default), and fetch exceptions for tests. */
export type IngestDeps = Pick<Deps, 'store' | 'log' | 'config'> & {
	extract?: Extractor;
	fetchLimits?: Partial<FetchLimits>;
};

const limitsOf = (deps: IngestDeps): FetchLimits => ({ ...deps.config.ingest, ...deps.fetchLimits });

function failure(source: string, err: unknown, deps: IngestDeps): IngestResult {
	const shown = redactCredentials(source);
	if (err instanceof UserError) return { source: shown, ok: false, outcome: null, statements: 0, error: err.message };
	deps.log.error({ err, source: shown }, 'ingest failed unexpectedly');
	const detail = err instanceof Error ? err.message : String(err);
	return { source: shown, ok: false, outcome: null, statements: 0, error: `${shown}: unexpected error (${detail})` };
}

// A quote that is not exactly at its offsets would be a misquote in a briefing: drop it, loudly.
// A span found twice is kept once: the store keys statements by span.
function verbatimOnly(statements: Statement[], body: string, source: string, deps: IngestDeps): Statement[] {
	const spans = new Set<string>();
	const good = statements.filter((s) => {
		const span = `${s.start}:${s.end}`;
		if (body.slice(s.start, s.end) !== s.quote || spans.has(span)) return false;
		spans.add(span);
		return true;
	});
	if (good.length < statements.length) {
		deps.log.warn(
			{ source, dropped: statements.length - good.length },
			'extractor returned non-verbatim or duplicate statements',
		);
	}
	return good;
}

/** Reads, extracts and saves one article; skips extraction when body and extractor version are unchanged. */
async function ingestOne(pending: PendingArticle, deps: IngestDeps, addedBy: string): Promise<IngestResult> {
	try {
		const extractor = deps.extract ?? rulesExtractor;
		const article = makeArticle({ ...(await pending.load()), addedBy });
		const base = { source: redactCredentials(pending.source), ok: true, title: article.title, url: article.url };
		const known = await deps.store.articles.getIdentity({ url: article.url, bodyHash: article.bodyHash });
		if (known && known.bodyHash === article.bodyHash && known.extractorVersion === extractor.version) {
			const stored = await deps.store.articles.countStatements(known.id);
			return { ...base, outcome: 'unchanged', statements: 0, articleId: known.id, stored };
		}
		const output = await extractor.extract({ title: article.title, body: article.body });
		const found = Array.isArray(output) ? { statements: output, version: extractor.version } : output;
		const statements = verbatimOnly(found.statements, article.body, pending.source, deps);
		const saved = await deps.store.articles.save(article, statements, found.version);
		deps.log.debug({ source: base.source, outcome: saved.outcome, statements: statements.length }, 'ingested');
		return {
			...base,
			outcome: saved.outcome,
			statements: statements.length,
			articleId: saved.id,
			extracted: statements,
			// Another process may have saved this very version first: then the store's count is the truth.
			stored: saved.outcome === 'unchanged' ? await deps.store.articles.countStatements(saved.id) : statements.length,
		};
	} catch (err) {
		return failure(pending.source, err, deps);
	}
}

/**
 * Ingests files, directories (their .md/.txt/.html files), http(s) URLs and feeds into the store, one
 * article at a time. A bad source becomes a failed result naming it; the rest of the batch still goes in.
 */
export async function ingestSources(
	sources: string[],
	deps: IngestDeps,
	onProgress?: (progress: IngestProgress) => void,
	addedBy = 'cli',
): Promise<IngestResult[]> {
	const expanded = await expandPaths(sources);
	const results: IngestResult[] = [];
	let total = expanded.length;
	const report = (result: IngestResult) => {
		results.push(result);
		onProgress?.({ done: results.length, total, result });
	};
	for (const source of expanded) {
		let pending: PendingArticle[];
		try {
			pending = await resolveSource(source, limitsOf(deps));
		} catch (err) {
			report(failure(source, err, deps));
			continue;
		}
		if (pending.length === 0) {
			report(failure(source, new UserError(`${redactCredentials(source)}: feed has no items`), deps));
			continue;
		}
		total += pending.length - 1;
		for (const item of pending) report(await ingestOne(item, deps, addedBy));
	}
	return results;
}

/**
 * Ingests one http(s) URL on behalf of `addedBy` (a Discord user id): one result for an article page,
 * one per item for a feed. Throws a UserError when the URL itself is refused or unreadable; never reads files.
 */
export async function ingestUrl(url: string, deps: IngestDeps, addedBy: string): Promise<IngestResult[]> {
	if (!isHttpUrl(url)) throw new UserError(`${redactCredentials(url)}: only http(s) URLs can be ingested`);
	const pending = await resolveUrl(url, limitsOf(deps));
	if (pending.length === 0) throw new UserError(`${redactCredentials(url)}: feed has no items`);
	const results: IngestResult[] = [];
	for (const item of pending) results.push(await ingestOne(item, deps, addedBy));
	return results;
}
