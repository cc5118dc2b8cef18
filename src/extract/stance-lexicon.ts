import { z } from 'zod';
import { readYamlFile } from '../actors/yaml-file.js';

const Words = z.array(z.string().min(1));
const Graded = z.object({ strong: Words, weak: Words });
const CueFileSchema = z.object({
	support: Graded,
	oppose: Graded,
	possession: Words,
	regret: Graded,
	negators: Words,
	conditions: Words,
	contrast: Words,
	concessions: Words,
	reported: Words,
	transfer: Words,
	sovereignty: Words,
	accord: Words,
	failure: Words,
	defend: Words,
	modals: Words,
	cue_support: Words,
	cue_oppose: Words,
});

/** What a cue does: a side it signals, a word that shapes the cues around it, or a topic phrase (topic-stance.ts). */
export type CueKind =
	| 'support'
	| 'oppose'
	| 'regret'
	| 'negator'
	| 'condition'
	| 'contrast'
	| 'concession'
	| 'reported'
	| 'transfer'
	| 'sovereignty'
	| 'event'
	| 'undoing'
	| 'subject';
/** A property a word has besides its kind: "agreed" is a support cue and an agreement verb. */
export type CueTag = 'accord' | 'failure' | 'defend' | 'modal';
/** One cue: its words (a trailing * matches any ending), what it does, and its weight as evidence. */
export type Cue<K extends string> = { words: string[]; kind: K; weight: number };

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

/** The words of a cue as written in a data file, a trailing * kept as a wildcard. */
export const cueWords = (cue: string): string[] =>
	stanceTokens(cue.replace(/\*/g, 'ASTERISK')).map((w) => w.replace(/asterisk$/, '*'));

const wordFits = (pattern: string, word: string | undefined) =>
	word !== undefined && (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);

/** Cues indexed by first word (or its first three letters when it ends in a wildcard), longest first. */
export class CueIndex<K extends string> {
	private readonly exact = new Map<string, Cue<K>[]>();
	private readonly prefix = new Map<string, Cue<K>[]>();

	constructor(cues: Cue<K>[]) {
		for (const c of cues) {
			const first = c.words[0] ?? '';
			const [map, key] = first.endsWith('*') ? [this.prefix, first.slice(0, 3)] : [this.exact, first];
			map.set(key, [...(map.get(key) ?? []), c]);
		}
		for (const list of [...this.exact.values(), ...this.prefix.values()])
			list.sort((a, b) => b.words.length - a.words.length);
	}

	/** The longest cue that starts at token i, or null. */
	at(tokens: string[], i: number): Cue<K> | null {
		const w = tokens[i] ?? '';
		let best: Cue<K> | null = null;
		for (const list of [this.exact.get(w), this.prefix.get(w.slice(0, 3))]) {
			for (const c of list ?? []) {
				if (best && c.words.length <= best.words.length) continue;
				if (c.words.every((cw, k) => wordFits(cw, tokens[i + k]))) best = c;
			}
		}
		return best;
	}
}

/** Cues of one kind and weight from a list of phrases. */
export const cuesOf = <K extends string>(list: string[], kind: K, weight: number): Cue<K>[] =>
	list.map((cue) => ({ words: cueWords(cue), kind, weight }));

/** The generic lexicon: cues by kind, word tags, and the reporting verbs read outside a quote. */
export type StanceLexicon = {
	cues: CueIndex<CueKind>;
	tags: Map<CueTag, CueIndex<CueTag>>;
	cueSupport: Set<string>;
	cueOppose: Set<string>;
};

/** Loads and indexes a cue file; the error names the file and the entry at fault. */
export function loadStanceCues(file: URL = new URL('./stance-cues.yaml', import.meta.url)): StanceLexicon {
	const f = readYamlFile(file, CueFileSchema);
	const cues = new CueIndex<CueKind>([
		...cuesOf(f.support.strong, 'support', 2),
		...cuesOf(f.support.weak, 'support', 1),
		...cuesOf(f.oppose.strong, 'oppose', 2),
		...cuesOf(f.oppose.weak, 'oppose', 1),
		...cuesOf(f.possession, 'oppose', 2),
		...cuesOf(f.regret.strong, 'regret', 2),
		...cuesOf(f.regret.weak, 'regret', 1),
		...cuesOf(f.negators, 'negator', 0),
		...cuesOf(f.conditions, 'condition', 0),
		...cuesOf(f.contrast, 'contrast', 0),
		...cuesOf(f.concessions, 'concession', 0),
		...cuesOf(f.reported, 'reported', 0),
		...cuesOf(f.transfer, 'transfer', 2),
		...cuesOf(f.sovereignty, 'sovereignty', 2),
	]);
	const tags = new Map<CueTag, CueIndex<CueTag>>([
		['accord', new CueIndex(cuesOf(f.accord, 'accord', 0))],
		['failure', new CueIndex(cuesOf(f.failure, 'failure', 0))],
		['defend', new CueIndex(cuesOf(f.defend, 'defend', 0))],
		['modal', new CueIndex(cuesOf(f.modals, 'modal', 0))],
	]);
	return { cues, tags, cueSupport: new Set(f.cue_support), cueOppose: new Set(f.cue_oppose) };
}
