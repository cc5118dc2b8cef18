import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { extractStatements } from '../src/extract/extract.js';
import type { Statement } from '../src/extract/statement.js';
import { EVAL_DIR, normName } from './helpers/eval-match.js';

// Actor, stance and about_actor on quotes matched to the labelled sets in ../shared/eval, scored as
// ../shared/eval/score.mjs scores them (30% span overlap, names compared without case and punctuation).
const EVAL = EVAL_DIR;
const GoldSchema = z.object({
	article: z.string(),
	quote: z.string(),
	actor: z.string().nullable().optional(),
	stance: z.string().optional(),
	about_actor: z.string().nullable().optional(),
});
type Gold = z.infer<typeof GoldSchema>;

const norm = normName;

function score(dataset: string) {
	const dir = join(EVAL, dataset);
	const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => GoldSchema.parse(JSON.parse(l)));
	const t = { actorN: 0, actorOk: 0, stanceN: 0, stanceOk: 0, aboutN: 0, aboutOk: 0, aboutPred: 0 };
	for (const name of readdirSync(join(dir, 'articles'))) {
		const raw = readFileSync(join(dir, 'articles', name), 'utf8');
		const m = raw.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n/);
		const front = z
			.object({ title: z.string().nullish(), published: z.string().nullish() })
			.parse(m ? parse(m[1] ?? '') : {});
		const body = m ? raw.slice(m[0].length) : raw;
		const preds = extractStatements({ title: front.title ?? null, body, published: front.published ?? null });
		const golds = gold.filter((g) => g.article === name).map((g) => ({ g, at: body.indexOf(g.quote) }));
		const pairs: [number, Statement, Gold][] = [];
		for (const p of preds) {
			for (const { g, at } of golds) {
				const overlap = Math.min(p.end, at + g.quote.length) - Math.max(p.start, at);
				if (at >= 0 && overlap / g.quote.length >= 0.3) pairs.push([overlap / g.quote.length, p, g]);
			}
		}
		pairs.sort((a, b) => b[0] - a[0]);
		const used = new Set<unknown>();
		for (const [, p, g] of pairs) {
			if (used.has(p) || used.has(g)) continue;
			used.add(p);
			used.add(g);
			if ('actor' in g) {
				t.actorN++;
				if (norm(p.actor) === norm(g.actor)) t.actorOk++;
			}
			if (g.stance) {
				t.stanceN++;
				if ((p.stance ?? 'neutral') === g.stance) t.stanceOk++;
			}
			if (p.aboutActor) t.aboutPred++;
			if (g.about_actor) {
				t.aboutN++;
				if (norm(p.aboutActor) === norm(g.about_actor)) t.aboutOk++;
			}
		}
	}
	const pct = (a: number, b: number) => (b ? (100 * a) / b : 100);
	return {
		actor: pct(t.actorOk, t.actorN),
		stance: pct(t.stanceOk, t.stanceN),
		aboutRecall: pct(t.aboutOk, t.aboutN),
		aboutPrecision: pct(t.aboutOk, t.aboutPred),
	};
}

describe.skipIf(!existsSync(join(EVAL, 'diplo-dev', 'gold.jsonl')))('enrichment on the labelled sets', () => {
	it('diplo-dev: actor ≥ 85%, stance ≥ 70%, about_actor recall ≥ 60% and precision ≥ 70%', () => {
		const s = score('diplo-dev');
		expect(s.actor).toBeGreaterThanOrEqual(85);
		expect(s.stance).toBeGreaterThanOrEqual(70);
		expect(s.aboutRecall).toBeGreaterThanOrEqual(60);
		expect(s.aboutPrecision).toBeGreaterThanOrEqual(70);
	});

	it('seed: actor ≥ 90%, stance ≥ 80%, about_actor recall ≥ 75%', () => {
		const s = score('seed');
		expect(s.actor).toBeGreaterThanOrEqual(90);
		expect(s.stance).toBeGreaterThanOrEqual(80);
		expect(s.aboutRecall).toBeGreaterThanOrEqual(75);
	});
});
