import type { Doc, Token } from './doc.js';
import { TIME_WORDS } from './lexicon.js';
import { phraseStartingAt } from './phrases.js';

/** What a cue reports: a quotation (direct) or a reported clause (indirect), as token ranges. */
export type Content = { kind: 'direct'; quotes: number[] } | { kind: 'indirect'; from: number; to: number };

const ADVERBIAL_PREPS = new Set([
	'on',
	'in',
	'at',
	'during',
	'via',
	'to',
	'after',
	'before',
	'through',
	'over',
	'from',
	'with',
	'without',
	'while',
	'late',
	'early',
	'last',
	'this',
	'earlier',
	'later',
	'again',
	'also',
	'repeatedly',
	'previously',
	'once',
	'when',
	'by',
]);
const REPEATING = /^(repeated|repeats|reiterated|reiterates|echoed|echoes|restated|reaffirmed|reaffirms)$/;
const CLAIM_NOUN =
	/^(claim|claims|assertion|assertions|position|view|warning|warnings|argument|accusation|accusations|allegation|allegations|demand|demands|stance)$/;
const OPENERS = /^(if|when|while|because|although|though|since|unless|once|as|after|before|despite|whether|there|it)$/;

const isPunct = (t: Token | undefined): boolean => t !== undefined && t.quote < 0 && t.pos === 'PUNCT';
const NOT_BEFORE_VERB = /^(to|the|a|an|his|her|its|their|our|my|your|this|that)$/;
/** A verb that can head a clause: an auxiliary, or a verb not after "to", an article or a possessive. */
export const isFiniteVerb = (t: Token, prev: Token | undefined): boolean =>
	t.quote < 0 &&
	(t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower) && !NOT_BEFORE_VERB.test(prev?.lower ?? '')));

/** Steps over what sits between a verb and its clause: objects of "told", time and place phrases, "that", ":". */
export function skipLead(
	doc: Doc,
	s: number,
	e: number,
	verb: string,
): { at: number; that: boolean; afterComma: boolean } {
	const { tokens, body } = doc;
	const begin = s;
	if (
		/^(told|tells|tell|telling|assured|reassured|reminded|warned|urged|asked|asks|ask)$/.test(verb) &&
		tokens[s]?.lower !== 'that'
	) {
		const obj = phraseStartingAt(tokens, body, s, e);
		if (obj) s = obj.to;
	}
	for (let guard = 0; guard < 6 && s < e; guard++) {
		const t = tokens[s] as Token;
		if (t.quote >= 0) break;
		if (TIME_WORDS.has(t.lower) && t.pos !== 'VERB' && t.pos !== 'AUX') s++;
		else if (/^(however|meanwhile|though|too|also|nonetheless|nevertheless)$/.test(t.lower)) s++;
		else if (t.lower === 'all' && tokens[s + 1]?.lower === 'along') s += 2;
		else if (t.pos === 'ADV' && /ly$/.test(t.lower)) s++;
		else if (ADVERBIAL_PREPS.has(t.lower)) {
			let that = -1;
			for (let j = s + 1; j < Math.min(e, s + 14); j++) {
				const x = tokens[j] as Token;
				if (x.lower === 'that' && x.pos !== 'DET') {
					that = j;
					break;
				}
				if (isPunct(x) || x.quote >= 0 || isFiniteVerb(x, tokens[j - 1])) break;
			}
			if (that > 0) s = that;
			else {
				const pp = phraseStartingAt(tokens, body, s + 1, e);
				if (!pp || pp.kind === 'pronoun') break;
				s = pp.to;
			}
		} else break;
	}
	// "told the prime minister in a soft voice, her words …": a comma after the verb's phrases ends the clause.
	const afterComma = s > begin && tokens[s]?.text === ',';
	while (s < e && /^[,:]$/.test(tokens[s]?.text ?? '')) s++;
	// "told a crowd of about 100 members gathered in Burnaby that …": a longer object before "that".
	for (let j = s; j < Math.min(e, s + 22); j++) {
		const x = tokens[j] as Token;
		// "repeated China's claims that AUKUS poses …": a claim's content after a repeating verb.
		const claim = REPEATING.test(verb) && CLAIM_NOUN.test(tokens[j - 1]?.lower ?? '');
		if (x.lower === 'that' && (x.pos === 'SCONJ' || claim) && j > s) return { at: j + 1, that: true, afterComma };
		if (x.quote >= 0 || isPunct(x) || x.pos === 'AUX' || (isFiniteVerb(x, tokens[j - 1]) && !/ed$/.test(x.lower)))
			break;
	}
	if (tokens[s]?.lower === 'that' && tokens[s]?.quote === -1) return { at: s + 1, that: true, afterComma };
	return { at: s, that: false, afterComma };
}

/** Token range with outside-quote punctuation and closing marks trimmed from both ends. */
export function trim(doc: Doc, s: number, e: number): [number, number] {
	const { quotes } = doc;
	const edge = (t: Token | undefined, atEnd: boolean): boolean => {
		if (!t) return false;
		if (t.quote < 0) return t.pos === 'PUNCT' && !(atEnd && /^[)\]]$/.test(t.text));
		const q = quotes[t.quote];
		return q !== undefined && (t.end <= q.start || t.start >= q.end);
	};
	while (s < e && edge(doc.tokens[s], false)) s++;
	while (e > s && edge(doc.tokens[e - 1], true)) e--;
	return [s, e];
}

/** Whether tokens [s, e) hold a verb that can head a clause, quoted words included. */
export function hasFinite(doc: Doc, s: number, e: number): boolean {
	for (let i = s; i < e; i++) {
		const t = doc.tokens[i] as Token;
		if (isFiniteVerb({ ...t, quote: -1 }, doc.tokens[i - 1])) return true;
	}
	return false;
}

/** Whether tokens [s, e) read as a clause: a subject then a finite verb, or a subordinate opener. */
export function isClause(doc: Doc, s: number, e: number): boolean {
	const { tokens, body } = doc;
	const first = tokens[s];
	if (!first) return false;
	if (first.quote >= 0) return true;
	// "said it was …" opens a clause; "tweet it out" does not.
	if (/^(it|there)$/.test(first.lower)) return isFiniteVerb(tokens[s + 1] ?? first, first);
	if (OPENERS.test(first.lower)) return true;
	let k = s;
	for (let n = 0; n < 4 && k < e; n++) {
		const np = phraseStartingAt(tokens, body, k, e);
		// "the extension of the deal, officially known as …": after a comma, only another noun phrase continues.
		if (!np) {
			if (n > 0) return false;
			break;
		}
		k = np.to;
		if (
			/^(,|and|or)$/.test(tokens[k]?.lower ?? '') &&
			tokens[k + 1] &&
			!isFiniteVerb(tokens[k + 1] as Token, undefined)
		)
			k++;
		else break;
	}
	if (k === s) return false;
	while (k < e && (tokens[k]?.pos === 'ADV' || tokens[k]?.lower === 'not')) k++;
	const v = tokens[k];
	return v !== undefined && isFiniteVerb(v, tokens[k - 1]);
}

/**
 * "joked in his turn to answer the question, “…”", "explained the numbers this way: “…”": a quotation closing the
 * region after a colon or comma, with no finite verb between the cue and the quotation.
 */
export function trailingQuote(doc: Doc, s: number, e: number): number | null {
	const { tokens } = doc;
	const [a, b] = trim(doc, s, e);
	if (b <= a) return null;
	const q = tokens[b - 1]?.quote ?? -1;
	if (q < 0) return null;
	let first = b - 1;
	while (first > a && tokens[first - 1]?.quote === q) first--;
	const before = tokens[first - 1];
	if (!before || !/^[,:]$/.test(before.text)) return null;
	for (let i = a; i < first; i++)
		if (tokens[i]?.quote !== -1 || isFiniteVerb(tokens[i] as Token, tokens[i - 1])) return null;
	return q;
}

/** Classifies tokens [s, e) as one or more whole quotations, or a reported clause (which may hold quotes). */
export function classify(doc: Doc, s: number, e: number): Content | null {
	[s, e] = trim(doc, s, e);
	if (e <= s) return null;
	const { tokens } = doc;
	const quotes: number[] = [];
	let wordsBefore = 0;
	let wordsAfter = false;
	let finiteAfter = false;
	for (let i = s; i < e; i++) {
		const t = tokens[i] as Token;
		if (t.quote >= 0) {
			if (!quotes.includes(t.quote)) quotes.push(t.quote);
		} else if (t.pos !== 'PUNCT') {
			if (quotes.length === 0) wordsBefore++;
			else {
				wordsAfter = true;
				if (isFiniteVerb(t, tokens[i - 1])) finiteAfter = true;
			}
		}
	}
	if (quotes.length > 0 && wordsBefore === 0 && (!wordsAfter || (quotes.length === 1 && !finiteAfter)))
		return { kind: 'direct', quotes };
	// "…the proposal, but" before the next speaker: the conjunction belongs to the next clause.
	while (e > s && /^(but|and|while|whereas)$/.test(tokens[e - 1]?.lower ?? '') && tokens[e - 1]?.quote === -1)
		[s, e] = trim(doc, s, e - 1);
	return { kind: 'indirect', from: s, to: e };
}
