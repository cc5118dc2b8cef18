import type { IngestResult } from '../ingest/ingest.js';

/** Counts of a batch's outcomes, as printed at the end and in --json. */
export type IngestSummary = {
	articles: number;
	inserted: number;
	unchanged: number;
	reextracted: number;
	updated: number;
	statements: number;
	failed: number;
};

/** Tallies results by outcome. */
export function summarize(results: IngestResult[]): IngestSummary {
	const count = (outcome: IngestResult['outcome']) => results.filter((r) => r.ok && r.outcome === outcome).length;
	return {
		articles: results.filter((r) => r.ok).length,
		inserted: count('inserted'),
		unchanged: count('unchanged'),
		reextracted: count('reextracted'),
		updated: count('updated'),
		statements: results.reduce((n, r) => n + r.statements, 0),
		failed: results.filter((r) => !r.ok).length,
	};
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 articles: 10 new, 1 unchanged, 1 re-extracted, 0 updated; 47 statements; 1 failed". */
export function formatSummary(s: IngestSummary): string {
	return (
		`${plural(s.articles, 'article')}: ${s.inserted} new, ${s.unchanged} unchanged, ` +
		`${s.reextracted} re-extracted, ${s.updated} updated; ${plural(s.statements, 'statement')}; ${s.failed} failed`
	);
}
