import type { Token } from './doc.js';
import { NOT_NAME, SPEAKER_PRONOUNS, TIME_WORDS, VERB_ADVERBS } from './lexicon.js';
import { build, DETS, INNER_PREPS, isCap, type SpeakerPhrase, WEEKDAYS } from './phrase-parts.js';

export type { SpeakerKind, SpeakerPhrase } from './phrase-parts.js';

const TIME_PREPS = new Set(['on', 'last', 'this', 'late', 'early', 'earlier', 'next', 'in', 'during', 'later']);

const NEVER_NOUN = new Set(['PUNCT', 'PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
/** "Will Young", "May Chen": a capitalised modal before a proper noun is a first name. */
const firstNameModal = (t: Token, next: Token | undefined): boolean =>
	(t.pos === 'AUX' || t.pos === 'VERB') && isCap(t) && next?.pos === 'PROPN' && next.quote < 0;
const nounish = (t: Token | undefined): boolean =>
	t !== undefined && t.quote < 0 && (t.pos === 'NOUN' || t.pos === 'PROPN' || (isCap(t) && !NEVER_NOUN.has(t.pos)));

/** Index of the last token of a subject ending before `v`, skipping adverbs, auxiliaries and time phrases. */
export function skipToSubject(tokens: Token[], v: number, floor: number): { at: number; negated: boolean } {
	let i = v - 1;
	let negated = false;
	while (i >= floor) {
		const t = tokens[i] as Token;
		if (t.quote >= 0) break;
		if (t.lower === 'not' || t.lower === "n't" || t.lower === 'never') negated = true;
		else if (VERB_ADVERBS.has(t.lower) || (t.pos === 'ADV' && /ly$/.test(t.lower))) {
			/* an adverb or auxiliary */
		} else if (TIME_WORDS.has(t.lower) && (t.pos === 'PROPN' || t.pos === 'NOUN')) {
			// "The Kremlin on Wednesday said"; but "Ms. May said" is a name.
			const prep = TIME_PREPS.has(tokens[i - 1]?.lower ?? '');
			if (!prep && !WEEKDAYS.test(t.lower)) break;
			if (prep) i--;
		} else if (t.pos === 'NUM' && TIME_WORDS.has(tokens[i - 1]?.lower ?? '')) {
			/* a date: "on March 3" */
		} else break;
		i--;
	}
	return { at: i, negated };
}

/** The noun phrase that ends at token `last` (inclusive), or null. Pronouns are phrases of their own. */
export function phraseEndingAt(tokens: Token[], body: string, last: number, floor: number): SpeakerPhrase | null {
	const end = tokens[last];
	if (!end || end.quote >= 0) return null;
	if (SPEAKER_PRONOUNS.has(end.lower) && end.pos === 'PRON') return build(tokens, body, last, last + 1);
	if (!nounish(end) && end.pos !== 'NUM') return null;
	let k = last;
	while (k >= floor) {
		const t = tokens[k] as Token;
		if (t.quote >= 0) break;
		if (DETS.has(t.lower) && k < last) {
			const prep = tokens[k - 1];
			if (prep && k - 1 >= floor && INNER_PREPS.has(prep.lower) && nounish(tokens[k - 2]) && k - 2 >= floor) {
				k -= 2;
				continue;
			}
			k--;
			break;
		}
		// "the lanky, bespectacled professor": a comma between two adjectives stays inside the phrase.
		if (t.text === ',' && k < last && tokens[k - 1]?.pos === 'ADJ' && tokens[k + 1]?.pos === 'ADJ' && k - 1 >= floor) {
			k--;
			continue;
		}
		if (INNER_PREPS.has(t.lower) && k < last && nounish(tokens[k - 1]) && nounish(tokens[k + 1]) && k - 1 >= floor) {
			k--;
			continue;
		}
		const ok =
			nounish(t) ||
			(k < last && firstNameModal(t, tokens[k + 1])) ||
			t.pos === 'NUM' ||
			(t.pos === 'ADJ' && k < last) ||
			(t.lower === "'s" && k < last) ||
			((t.text === '-' || t.text === '&') && k < last);
		if (!ok || (NOT_NAME.has(t.lower) && !DETS.has(t.lower))) break;
		k--;
	}
	let from = k + 1;
	while (from <= last && (tokens[from] as Token).pos === 'PUNCT') from++;
	if (from > last) return null;
	return build(tokens, body, from, last + 1);
}

/** The noun phrase that starts at token `first` ("said Peskov", "according to the ministry"), or null. */
export function phraseStartingAt(tokens: Token[], body: string, first: number, ceil: number): SpeakerPhrase | null {
	let k = first;
	const t0 = tokens[k];
	if (!t0 || t0.quote >= 0) return null;
	if (SPEAKER_PRONOUNS.has(t0.text) || /^(him|her|them|us|me)$/.test(t0.text)) return build(tokens, body, k, k + 1);
	if (DETS.has(t0.lower)) k++;
	let lastNoun = -1;
	while (k < ceil) {
		const t = tokens[k] as Token;
		if (t.quote >= 0) break;
		if (nounish(t) || t.pos === 'NUM' || t.pos === 'ADJ' || t.lower === "'s" || t.text === '-') {
			if (nounish(t) || t.pos === 'NUM') lastNoun = k;
			k++;
		} else if (INNER_PREPS.has(t.lower) && nounish(tokens[k - 1]) && lastNoun === k - 1) {
			const next = tokens[k + 1];
			if (next && (nounish(next) || DETS.has(next.lower))) k += DETS.has(next.lower) ? 2 : 1;
			else break;
		} else break;
	}
	if (lastNoun < first) return null;
	return build(tokens, body, first, lastNoun + 1);
}
