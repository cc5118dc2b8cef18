import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { readHtml } from '../src/ingest/html.js';
import { ingestSources } from '../src/ingest/ingest.js';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import type { BenchRow, BenchSuite } from './row.js';

const ARTICLES = 200;
const HTML_PAGES = 300;

// Invented articles of realistic length (~3 KB, a few attributed quotes each); nothing from the eval data.
function syntheticArticle(i: number): string {
	const para = (k: number) =>
		`Officials in the capital of Country${i % 17} met envoys on day ${k} to discuss the corridor agreement. ` +
		`"We expect progress within weeks, not months," Minister Person${i}_${k} told reporters after the session. ` +
		`A spokesperson for the delegation said that the talks had been constructive but that several issues remained open. ` +
		`Analysts noted that the two sides had exchanged proposals on customs, transit fees and inspections.`;
	const body = Array.from({ length: 7 }, (_, k) => para(k)).join('\n\n');
	return `---\ntitle: "Synthetic report ${i}"\nurl: "https://bench.example/${i}"\npublished: "2024-01-${String((i % 28) + 1).padStart(2, '0')}"\noutlet: "Bench Wire"\n---\n${body}\n`;
}

const rate = (n: number, ms: number) => `${Math.round((n * 1000) / ms)}/s`;

/** Ingest throughput into an in-memory PGlite store, first pass and unchanged pass, and HTML reading speed. */
export const ingestBench: BenchSuite = {
	name: 'ingest',
	async run(): Promise<BenchRow[]> {
		const dir = mkdtempSync(join(tmpdir(), 'attache-bench-ingest-'));
		const rows: BenchRow[] = [];
		try {
			for (let i = 0; i < ARTICLES; i++) writeFileSync(join(dir, `a${i}.md`), syntheticArticle(i));
			const log = createSilentLogger();
			const store = await openStore('memory:', log);
			try {
				const deps = { store, log, config: parseConfig({}) };
				let t = performance.now();
				const first = await ingestSources([dir], deps);
				const firstMs = performance.now() - t;
				const statements = first.reduce((n, r) => n + r.statements, 0);
				rows.push({
					suite: 'ingest',
					case: `${ARTICLES} new .md articles (rules extractor, PGlite memory)`,
					value: rate(ARTICLES, firstMs),
					note: `${statements} statements, ${(firstMs / ARTICLES).toFixed(1)} ms/article`,
				});
				t = performance.now();
				await ingestSources([dir], deps);
				const againMs = performance.now() - t;
				rows.push({
					suite: 'ingest',
					case: `${ARTICLES} unchanged articles (no re-extraction)`,
					value: rate(ARTICLES, againMs),
					note: `${(againMs / ARTICLES).toFixed(2)} ms/article`,
				});
			} finally {
				await store.close();
			}
			const html = readFileSync('test/fixtures/ingest/article.html', 'utf8');
			const t = performance.now();
			for (let i = 0; i < HTML_PAGES; i++) readHtml(html, { url: null, source: 'bench' });
			const htmlMs = performance.now() - t;
			rows.push({
				suite: 'ingest',
				case: 'readHtml (linkedom + Readability), small page',
				value: rate(HTML_PAGES, htmlMs),
				note: `${(htmlMs / HTML_PAGES).toFixed(2)} ms/page`,
			});
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		return rows;
	},
};
