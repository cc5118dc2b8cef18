import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractStatements } from '../src/extract/extract.js';
import { EVAL_DIR, normName } from './helpers/eval-match.js';

// The offline rules against the labelled sets in ../shared/eval, matched as ../shared/eval/score.mjs matches
// (a prediction hits a gold quote covering >= 30% of it, greedy one-to-one; speakers compared token by token).
const EVAL = EVAL_DIR;
const GoldSchema = z.object({ article: z.string(), quote: z.string(), speaker: z.string(), kind: z.string() });
const AliasesSchema = z.record(z.string(), z.array(z.string()));

const MARKS = `"'“”‘’«»„‟‚‹›「」`;
function locate(body: string, text: string, hint?: number): [number, number] | null {
	let a = 0;
	let b = text.length;
	const junk = (c: string | undefined) => c !== undefined && (MARKS.includes(c) || /[\s,;:]/.test(c));
	while (a < b && junk(text[a])) a++;
	while (b > a && junk(text[b - 1])) b--;
	const core = text.slice(a, b);
	if (!core) return null;
	if (hint !== undefined && body.startsWith(core, hint)) return [hint, hint + core.length];
	const i = body.indexOf(core);
	return i >= 0 ? [i, i + core.length] : null;
}

const norm = normName;

function sameName(pred: string, gold: string, aliases: Record<string, string[]>): boolean {
	const canon = (s: string) => {
		const n = norm(s);
		for (const [k, vs] of Object.entries(aliases)) if (norm(k) === n || vs.some((v) => norm(v) === n)) return norm(k);
		return n;
	};
	const p = canon(pred);
	const g = canon(gold);
	if (!p || !g) return false;
	if (p === g) return true;
	const pt = p.split(' ');
	const gt = g.split(' ');
	if (pt.length > 6) return false;
	const inside = (x: string[], y: string[]) => x.every((t) => y.includes(t)) && x.some((t) => t.length >= 3);
	if (inside(pt, gt) || inside(gt, pt)) return true;
	const lp = pt.at(-1) ?? '';
	return lp.length >= 3 && lp === gt.at(-1);
}

function score(dataset: string) {
	const dir = join(EVAL, dataset);
	const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => GoldSchema.parse(JSON.parse(l)));
	const aliasFile = join(dir, 'aliases.json');
	const aliases = existsSync(aliasFile) ? AliasesSchema.parse(JSON.parse(readFileSync(aliasFile, 'utf8'))) : {};
	const t = { gold: 0, pred: 0, matched: 0, speakerOk: 0, direct: 0, directMatched: 0, notVerbatim: 0 };
	for (const name of readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.md'))) {
		const raw = readFileSync(join(dir, 'articles', name), 'utf8');
		const m = raw.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/);
		const body = m ? raw.slice(m[0].length) : raw;
		const preds = extractStatements({ title: null, body }).map((p) => ({ p, span: locate(body, p.quote, p.start) }));
		const golds = gold.filter((g) => g.article === name).map((g) => ({ g, span: locate(body, g.quote) }));
		t.gold += golds.length;
		t.pred += preds.length;
		t.notVerbatim += preds.filter((x) => !x.span || body.slice(x.p.start, x.p.end) !== x.p.quote).length;
		t.direct += preds.filter((x) => x.p.kind === 'direct').length;
		const pairs: Array<[number, number, number]> = [];
		preds.forEach(({ span: ps }, i) => {
			golds.forEach(({ span: gs }, j) => {
				if (!ps || !gs) return;
				const share = Math.max(0, Math.min(ps[1], gs[1]) - Math.max(ps[0], gs[0])) / (gs[1] - gs[0]);
				if (share >= 0.3) pairs.push([share, i, j]);
			});
		});
		pairs.sort((x, y) => y[0] - x[0]);
		const usedP = new Set<number>();
		const usedG = new Set<number>();
		for (const [, i, j] of pairs) {
			if (usedP.has(i) || usedG.has(j)) continue;
			usedP.add(i);
			usedG.add(j);
			const p = preds[i]?.p;
			const g = golds[j]?.g;
			if (!p || !g) continue;
			t.matched++;
			if (p.kind === 'direct') t.directMatched++;
			if (sameName(p.speaker, g.speaker, aliases)) t.speakerOk++;
		}
	}
	const P = t.matched / t.pred;
	const R = t.matched / t.gold;
	return {
		f1: (100 * 2 * P * R) / (P + R),
		speaker: (100 * t.speakerOk) / t.matched,
		directPrecision: (100 * t.directMatched) / t.direct,
		notVerbatim: t.notVerbatim,
	};
}

const bars = [
	{ dataset: 'ggt', f1: 86, speaker: 88, directPrecision: 95 },
	{ dataset: 'diplo-dev', f1: 80, speaker: 85, directPrecision: 0 },
	{ dataset: 'seed', f1: 90, speaker: 100, directPrecision: 0 },
];

describe.skipIf(!existsSync(EVAL))('rule extraction on ../shared/eval', () => {
	for (const bar of bars) {
		it.skipIf(!existsSync(join(EVAL, bar.dataset)))(
			`${bar.dataset}: F1 >= ${bar.f1}, speaker >= ${bar.speaker}%`,
			() => {
				const s = score(bar.dataset);
				expect(s.notVerbatim).toBe(0);
				expect(s.f1).toBeGreaterThanOrEqual(bar.f1);
				expect(s.speaker).toBeGreaterThanOrEqual(bar.speaker);
				expect(s.directPrecision).toBeGreaterThanOrEqual(bar.directPrecision);
			},
		);
	}
});
