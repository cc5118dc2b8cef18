import { firstNameGender } from '../actors/first-names.js';
import type { Token } from './doc.js';
import { NOT_NAME, ORG_WORDS, ROLE_NOUNS, SPEAKER_PRONOUNS, TIME_WORDS, TITLE_WORDS } from './lexicon.js';
import { isDemonym, isPlace } from './places.js';

/** What a speaker phrase names. */
export type SpeakerKind = 'person' | 'org' | 'pronoun' | 'role' | 'generic';

/** A noun phrase that can be a speaker, with its parts. Token range [from, to). */
export type SpeakerPhrase = {
	from: number;
	to: number;
	/** The phrase as written, leading article dropped. */
	text: string;
	/** Person or organisation name without titles ("Dmitry Peskov", "Chinese Foreign Ministry"); null for roles. */
	name: string | null;
	/** Titles and appositions seen with the name ("Kremlin spokesman"). */
	descriptor: string | null;
	kind: SpeakerKind;
	/** The phrase was an indefinite role of a named organisation ("a spokesperson for the Chinese Embassy"). */
	viaRole?: boolean;
	/** Two names joined by "and" ("Tore Sohlberg and Lehla Abreder"). */
	plural?: boolean;
	/** The leading article or possessive, lower-cased ("the", "a", "his"), or null. */
	det: string | null;
};

/** Prepositions that can sit inside a speaker phrase ("the envoy to the UN"). */
export const INNER_PREPS = new Set(['of', 'for', 'to', 'at', 'in', 'by', 'from', 'with']);
/** Articles and possessives that open a phrase. */
export const DETS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these', 'those']);
const PARTICLES = new Set([
	'al',
	'al-',
	'bin',
	'bint',
	'ibn',
	'abu',
	'de',
	'del',
	'da',
	'di',
	'du',
	'van',
	'von',
	'der',
	'den',
	'la',
	'le',
	'el',
	'dos',
	'das',
	'st.',
	'ben',
]);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
/** Days of the week: never part of a name. */
export const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Whether a token starts with a capital letter. */
export const isCap = (t: Token): boolean => /^\p{Lu}/u.test(t.text);

const nameWord = (t: Token): boolean =>
	(isCap(t) || PARTICLES.has(t.lower) || SUFFIXES.has(t.lower) || t.text === '-') &&
	!TITLE_WORDS.has(t.lower) &&
	!ORG_WORDS.has(t.lower) &&
	!NOT_NAME.has(t.lower) &&
	!isPlace(t.text) &&
	!isDemonym(t.text) &&
	!WEEKDAYS.test(t.lower) &&
	t.pos !== 'NUM' &&
	!/^\p{Lu}{4,}$/u.test(t.text);

// "Jordan Stewart", "Georgia Lane": a place that is also a first name, right before a surname, opens the name.
function placeFirstName(tokens: Token[], start: number, run: number, to: number): boolean {
	const lead = tokens[run - 1];
	return (
		run > start && run < to && !!lead && isCap(lead) && isPlace(lead.text) && firstNameGender(lead.lower) !== 'unknown'
	);
}

/** Splits a phrase into name, descriptor and kind. */
export function build(tokens: Token[], body: string, from: number, end: number): SpeakerPhrase {
	let to = end;
	const first = tokens[from] as Token;
	const det = DETS.has(first.lower) ? first.lower : null;
	const start = det ? from + 1 : from;
	const slice = (a: number, b: number) =>
		a < b ? body.slice((tokens[a] as Token).start, (tokens[b - 1] as Token).end) : '';
	// "United States Tuesday": a trailing day is not part of the name.
	while (to - start > 1 && WEEKDAYS.test((tokens[to - 1] as Token).lower)) to--;
	const text = slice(start, to) || slice(from, to);
	const base = { from, to, text, det };
	if (to - from === 1 && (SPEAKER_PRONOUNS.has(first.lower) || /^(him|her|them)$/.test(first.lower)))
		return { ...base, name: null, descriptor: null, kind: 'pronoun' };
	// "Nov. 27", "READ MORE": dates and shouted labels name no one.
	const all = tokens.slice(start, to);
	const timeOnly = (t: Token) => TIME_WORDS.has(t.lower.replace(/\.$/, '')) || /^(late|early|mid)$/.test(t.lower);
	if (all.every((t) => timeOnly(t) || t.pos === 'NUM' || t.pos === 'PUNCT'))
		return { ...base, name: null, descriptor: null, kind: 'generic' };
	// "Kansas City, Mo.": a state's abbreviation.
	if (all.length === 1 && /^\p{Lu}\p{Ll}{1,4}\.$/u.test(first.text))
		return { ...base, name: null, descriptor: null, kind: 'generic' };
	if (all.length > 1 && all.every((t) => !/\p{Ll}/u.test(t.text)))
		return { ...base, name: null, descriptor: null, kind: 'generic' };
	// A name closing the phrase after a title: "University of the Fraser Valley political scientist Hamish Telford".
	let run = to;
	while (run > start && nameWord(tokens[run - 1] as Token)) run--;
	if (placeFirstName(tokens, start, run, to)) run--;
	while (run < to && !isCap(tokens[run] as Token)) run++;
	// "Stella's Café", "the Kremlin's Peskov" aside: a name owned by another ("X's Y") is a place or an organisation.
	if (run < to && run > start && (tokens[run - 1] as Token).lower === "'s" && isCap(tokens[to - 1] as Token)) {
		const owner = tokens.slice(start, run - 1).some((t) => isCap(t));
		if (owner && to - run >= 1 && !ROLE_NOUNS.has((tokens[to - 1] as Token).lower) && run - 1 - start === 1)
			return { ...base, name: slice(start, to), descriptor: null, kind: 'org' };
	}
	const titled =
		run > start && !INNER_PREPS.has((tokens[run - 1] as Token).lower) && !DETS.has((tokens[run - 1] as Token).lower);
	if (run < to && titled && !isPlace(slice(run, to))) {
		const descriptor = slice(start, run).replace(/[\s,]+$/, '') || null;
		return { ...base, name: slice(run, to), descriptor, kind: 'person' };
	}
	// Head before an inner preposition: "a spokesperson for the Chinese Embassy", "the envoy to the UN".
	let prep = -1;
	for (let i = start + 1; i < to; i++)
		if (INNER_PREPS.has((tokens[i] as Token).lower)) {
			prep = i;
			break;
		}
	const headEnd = prep > 0 ? prep : to;
	const head = tokens[headEnd - 1] as Token;
	// "the statement from the Chinese embassy": a document speaks for the one who issued it.
	const documentOf = /^(statement|report|letter|release|communique|communiqué|notice|post|memo)$/.test(head.lower);
	if (prep > 0 && (ROLE_NOUNS.has(head.lower) || documentOf)) {
		const orgFrom = DETS.has((tokens[prep + 1] as Token).lower) ? prep + 2 : prep + 1;
		const org = slice(orgFrom, to);
		const namedOrg = orgFrom < to && isCap(tokens[orgFrom] as Token);
		if ((det === 'a' || det === 'an' || documentOf) && namedOrg)
			return { ...base, name: org, descriptor: documentOf ? null : text, kind: 'org', viaRole: !documentOf };
		if (documentOf) return { ...base, name: null, descriptor: null, kind: 'generic' };
		return { ...base, name: null, descriptor: text, kind: 'role' };
	}
	let n = headEnd;
	while (n > start && nameWord(tokens[n - 1] as Token)) n--;
	if (placeFirstName(tokens, start, n, headEnd)) n--;
	while (n < headEnd && !isCap(tokens[n] as Token)) n++;
	// "Terry Chapman with the International Union of Operating Engineers": a full name, then where they work.
	const affiliated = prep > 0 && headEnd - n >= 2 && /^(with|of|from|at)$/.test((tokens[prep] as Token).lower);
	if (n < headEnd && (prep < 0 || affiliated) && !isPlace(slice(n, headEnd))) {
		const before = slice(start, n).replace(/[\s,]+$/, '');
		const descriptor = [before, prep > 0 ? slice(prep, to) : ''].filter(Boolean).join(' ') || null;
		return { ...base, name: slice(n, headEnd), descriptor, kind: 'person' };
	}
	if (!isCap(head) || TITLE_WORDS.has(head.lower)) {
		const role = ROLE_NOUNS.has(head.lower) && !/s$/.test(head.lower);
		return { ...base, name: null, descriptor: role ? text : null, kind: role ? 'role' : 'generic' };
	}
	return { ...base, name: text, descriptor: null, kind: 'org' };
}
