import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../src/actors/load.js';
import type { Attribution } from '../src/extract/attribution.js';
import { enrichStatement } from '../src/extract/enrich.js';
import { findAttributions } from '../src/extract/extract.js';
import { loadStanceCues } from '../src/extract/stance.js';
import { loadTopics } from '../src/topics/registry.js';
import type { BenchRow, BenchSuite } from './row.js';

// Enrichment alone (speaker/actor, topic, stance, about_actor) on the rule engine's attributions, in process.
const GGT = join(process.cwd(), '..', 'shared', 'eval', 'ggt', 'articles');

function articles(): { title: string | null; body: string }[] {
	const strip = (raw: string) => raw.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
	if (existsSync(GGT))
		return readdirSync(GGT).map((f) => ({ title: null, body: strip(readFileSync(join(GGT, f), 'utf8')) }));
	const sample = strip(readFileSync(join(process.cwd(), 'samples', 'russia-reaffirms-stance.md'), 'utf8'));
	return Array.from({ length: 50 }, () => ({ title: null, body: sample }));
}

const timed = (f: () => void): number => {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
};

export const enrichBench: BenchSuite = {
	name: 'enrich',
	async run(): Promise<BenchRow[]> {
		const loadMs = timed(() => {
			loadRegistry();
			loadTopics();
			loadStanceCues();
		});
		const docs = articles();
		const work: [Attribution, { title: string | null; body: string }][] = docs.flatMap((a) =>
			findAttributions(a.body).map((x): [Attribution, typeof a] => [x, a]),
		);
		const pass = () => {
			for (const [a, article] of work) enrichStatement(a, article, 'bench');
		};
		pass();
		const runs = 5;
		const ms =
			timed(() => {
				for (let i = 0; i < runs; i++) pass();
			}) / runs;
		const source = existsSync(GGT) ? 'ggt' : 'sample ×50';
		return [
			{
				suite: 'enrich',
				case: 'load registries (actors, topics, stance cues)',
				value: `${loadMs.toFixed(0)} ms`,
				note: 'once per process',
			},
			{
				suite: 'enrich',
				case: `enrich ${work.length} statements (${source})`,
				value: `${((work.length / ms) * 1000).toFixed(0)} stmts/s`,
				note: `${((docs.length / ms) * 1000).toFixed(0)} articles/s for enrichment alone, mean of ${runs} runs`,
			},
		];
	},
};
