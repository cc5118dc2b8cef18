import type { Doc, Token } from './doc.js';
import { TIME_WORDS } from './lexicon.js';

/** Verbs whose object is nearly always a reported clause, so any clause-like continuation counts. */
export const CLAUSE_VERBS = new Set(
	`say says said told tells added adds note notes noted claim claims claimed insist insists insisted argue argues
argued believe believes believed think thinks contend contends contended maintain maintains maintained assert asserts
asserted allege alleges alleged predict predicts predicted suggest suggests suggested acknowledge acknowledges
acknowledged admit admits admitted concede conceded warn warns warned stress stresses stressed explain explains
explained`.split(/\s+/),
);
/** Words that cannot open a reported clause without "that": relatives, prepositions, conjunctions, object pronouns. */
export const NOT_CLAUSE_START =
	/^(who|whose|whom|which|where|and|or|but|for|about|of|on|in|at|with|by|to|from|during|into|over|against|toward|towards)$/;
/** Object pronouns, lower-case only: "US" is a country. */
export const OBJECT_PRONOUN = /^(us|him|them|me)$/;
/** "said while sitting in a church": a time clause with a participle, not what was said. */
export const PARTICIPLE_OPENER = /^(while|when|after|before|since|as|upon|in)$/;
/** Words that open an introduction, not a reported clause, when a sentence begins "…, X said". */
export const INTRO_START =
	/^(when|while|if|after|before|although|though|as|because|since|once|asked|following|despite|in|on|at|during|with|without|to|shortly|upon|unlike|like|for|by)$/;

/** Past a dateline opening the sentence: "BRUSSELS (AP) —", "MOSCOW, March 3 (Reuters) -". */
export function afterDateline(doc: Doc, s: number, e: number): number {
	const first = doc.tokens[s];
	if (!first || !/^\p{Lu}{2,}$/u.test(first.text)) return s;
	for (let k = s + 1; k < Math.min(e, s + 12); k++) {
		const t = doc.tokens[k] as Token;
		if (/^[—–-]$/.test(t.text)) return k + 1;
		if (/\p{Ll}/u.test(t.text) && !TIME_WORDS.has(t.lower) && !/^\(/.test(doc.tokens[k - 1]?.text ?? '')) return s;
	}
	return s;
}
