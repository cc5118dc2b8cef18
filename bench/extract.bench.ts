import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { extractStatements, findAttributions } from '../src/extract/extract.js';
import type { BenchRow, BenchSuite } from './row.js';

// Articles per second on ../shared/eval/ggt, in this process, for our rules and for the eval's naive regex
// extractor (the fixed reference for speed ratios). Rows are skipped when the eval folder is absent.
const EVAL = join(process.cwd(), '..', 'shared', 'eval');
const NaiveModule = z.object({
	naiveExtract: z.custom<(body: string) => unknown>((v) => typeof v === 'function'),
});

function bodies(): string[] {
	const dir = join(EVAL, 'ggt', 'articles');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, ''));
}

/** Best of `rounds` passes over all articles, after one warm-up pass. */
function rate(texts: string[], run: (body: string) => unknown, rounds = 5): number {
	for (const t of texts) run(t);
	let best = 0;
	for (let r = 0; r < rounds; r++) {
		const t0 = performance.now();
		for (const t of texts) run(t);
		best = Math.max(best, texts.length / ((performance.now() - t0) / 1000));
	}
	return best;
}

/** The extraction benchmark: rules alone, rules plus enrichment, and the naive reference. */
export const extractBench: BenchSuite = {
	name: 'extract',
	async run(): Promise<BenchRow[]> {
		const suite = 'extract';
		if (!existsSync(join(EVAL, 'ggt')))
			return [{ suite, case: 'ggt', value: 'skipped', note: '../shared/eval absent' }];
		const texts = bodies();
		const rules = rate(texts, (body) => findAttributions(body));
		const full = rate(texts, (body) => extractStatements({ title: null, body }));
		const rows: BenchRow[] = [
			{ suite, case: 'rules, ggt', value: `${rules.toFixed(0)} art/s`, note: `${texts.length} articles, best of 5` },
			{ suite, case: 'rules + enrich, ggt', value: `${full.toFixed(0)} art/s`, note: 'what `npm run extract` does' },
		];
		const naivePath = join(EVAL, 'naive-extract.mjs');
		if (!existsSync(naivePath)) return [...rows, { suite, case: 'naive, ggt', value: 'skipped', note: 'absent' }];
		const naive = NaiveModule.parse(await import(pathToFileURL(naivePath).href)).naiveExtract;
		const reference = rate(texts, (body) => naive(body));
		rows.push(
			{
				suite,
				case: 'naive regex, ggt',
				value: `${reference.toFixed(0)} art/s`,
				note: '../shared/eval/naive-extract.mjs',
			},
			{ suite, case: 'rules / naive', value: `${(rules / reference).toFixed(2)}x`, note: 'same process' },
		);
		return rows;
	},
};
