import { z } from 'zod';
import { readYamlFile } from '../actors/yaml-file.js';
import type { Stance } from './statement.js';

const Words = z.array(z.string().min(1));
const CueFileSchema = z.object({
	support: z.object({ strong: Words, weak: Words }),
	oppose: z.object({ strong: Words, weak: Words }),
	negators: Words,
	conditions: Words,
	contrast: Words,
	cue_support: Words,
	cue_oppose: Words,
});

type Kind = 'support' | 'oppose' | 'negator' | 'condition' | 'contrast';
type Pattern = { words: string[]; kind: Kind; weight: number };

/** Lowercase words and clause punctuation; "doesn't" → "does", "not". */
export function stanceTokens(text: string): string[] {
	const out: string[] = [];
	for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[.,;:!?()—–]/gu)) {
		const w = m[0].replace(/’/g, "'");
		if (w.endsWith("n't")) out.push(w === "can't" ? 'can' : w === "won't" ? 'will' : w.slice(0, -3), 'not');
		else out.push(w.replace(/'s$/, ''));
	}
	return out;
}

/** Loads and indexes a cue file; the error names the file and the entry at fault. */
export function loadStanceCues(file: URL = new URL('./stance-cues.yaml', import.meta.url)) {
	const f = readYamlFile(file, CueFileSchema);
	const patterns: Pattern[] = [];
	const add = (list: string[], kind: Kind, weight: number) => {
		for (const cue of list)
			patterns.push({
				words: stanceTokens(cue.replace(/\*/g, 'ASTERISK')).map((w) => w.replace(/asterisk$/, '*')),
				kind,
				weight,
			});
	};
	add(f.support.strong, 'support', 2);
	add(f.support.weak, 'support', 1);
	add(f.oppose.strong, 'oppose', 2);
	add(f.oppose.weak, 'oppose', 1);
	add(f.negators, 'negator', 0);
	add(f.conditions, 'condition', 0);
	add(f.contrast, 'contrast', 0);
	// Indexed by first word, or by its first three letters when it ends in a wildcard.
	const exact = new Map<string, Pattern[]>();
	const prefix = new Map<string, Pattern[]>();
	for (const p of patterns) {
		const first = p.words[0] ?? '';
		const [map, key] = first.endsWith('*') ? [prefix, first.slice(0, 3)] : [exact, first];
		map.set(key, [...(map.get(key) ?? []), p]);
	}
	for (const list of [...exact.values(), ...prefix.values()]) list.sort((a, b) => b.words.length - a.words.length);
	return { exact, prefix, cueSupport: new Set(f.cue_support), cueOppose: new Set(f.cue_oppose) };
}

const lexicon = loadStanceCues();

const wordFits = (pattern: string, word: string | undefined) =>
	word !== undefined && (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);

function matchAt(tokens: string[], i: number): Pattern | null {
	const w = tokens[i] ?? '';
	let best: Pattern | null = null;
	for (const list of [lexicon.exact.get(w), lexicon.prefix.get(w.slice(0, 3))]) {
		for (const p of list ?? []) {
			if (best && p.words.length <= best.words.length) continue;
			if (p.words.every((pw, k) => wordFits(pw, tokens[i + k]))) best = p;
		}
	}
	return best;
}

/** Cue weights found in a text, with negation scope applied. */
export type StanceEvidence = { support: number; oppose: number; condition: boolean; contrast: boolean };

const PUNCT = /^[.,;:!?()—–]$/;
const SCOPE = 5;

/** Reads the cues of a text: support and oppose weights (negated cues count for the other side), conditions, turns. */
export function stanceEvidence(text: string): StanceEvidence {
	const tokens = stanceTokens(text);
	const ev: StanceEvidence = { support: 0, oppose: 0, condition: false, contrast: false };
	let negatedUntil = -1;
	// What follows "but" is the point the speaker lands on: its cues count double.
	let emphasis = 1;
	for (let i = 0; i < tokens.length; ) {
		const t = tokens[i] ?? '';
		if (PUNCT.test(t)) {
			negatedUntil = -1;
			i++;
			continue;
		}
		const p = matchAt(tokens, i);
		if (!p) {
			i++;
			continue;
		}
		const negated = i <= negatedUntil;
		if (p.kind === 'negator') negatedUntil = negated ? -1 : i + p.words.length + SCOPE - 1;
		// "no longer tying X to Y", "without preconditions": a condition dropped is a step toward the topic.
		else if (p.kind === 'condition' && negated) ev.support += 1;
		else if (p.kind === 'condition') ev.condition = true;
		else if (p.kind === 'contrast') {
			ev.contrast = true;
			negatedUntil = -1;
			emphasis = 2;
		} else {
			const side = (p.kind === 'support') !== negated ? 'support' : 'oppose';
			ev[side] += p.weight * emphasis;
		}
		i += p.words.length;
	}
	return ev;
}

/** The words of the context around the quote, without the quote: where the reporting verb is. */
function frame(text: string, context: string): string {
	const at = context.indexOf(text);
	return at < 0 ? '' : `${context.slice(0, at)} ${context.slice(at + text.length)}`;
}

/**
 * The stance a statement takes toward its topic, from cue lexicons: "welcomed", "ready to" → support;
 * "rejects", "an act of aggression", "would not accept" → oppose; conditions ("only after a ceasefire",
 * "once X is implemented") or cues of both kinds across a turn ("but") → mixed; neutral when no cue decides.
 * The context's reporting verb ("denied that", "welcomed") counts too.
 */
export function detectStance(text: string, context?: string | null): Stance {
	const ev = stanceEvidence(text);
	for (const w of context ? stanceTokens(frame(text, context)) : []) {
		if (lexicon.cueSupport.has(w)) ev.support += 1;
		if (lexicon.cueOppose.has(w)) ev.oppose += 1;
	}
	// A stated condition is a position held on terms; cues of both kinds in like measure are a split position.
	if (ev.condition) return 'mixed';
	const [low, high] = ev.support < ev.oppose ? [ev.support, ev.oppose] : [ev.oppose, ev.support];
	if (high === 0) return 'neutral';
	if (low / high >= 0.5) return 'mixed';
	return ev.support > ev.oppose ? 'support' : 'oppose';
}
