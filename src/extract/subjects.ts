import type { Doc, Token, Unit } from './doc.js';
import { ROLE_NOUNS, TITLE_WORDS } from './lexicon.js';
import { phraseEndingAt, phraseStartingAt, type SpeakerPhrase, skipToSubject } from './phrases.js';

const AUXILIARY =
	/^(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did)$/;
/** Words tagged as prepositions that open a clause ("after Trump said …"). */
const SUBORDINATOR = /^(after|before|since|until|as|because|while|when|although|though|if|once|unless)$/;
const isPunct = (t: Token | undefined) => t !== undefined && t.quote < 0 && t.pos === 'PUNCT';

/** ", the Kremlin spokesman" after a name: its text and the index after it, when it holds no verb. */
export function appositionAfter(doc: Doc, i: number, to: number): { text: string; end: number } | null {
	const { tokens, body } = doc;
	if (tokens[i]?.text !== ',' || !/^(the|a|an)$/.test(tokens[i + 1]?.lower ?? '')) return null;
	let j = i + 2;
	while (
		j < to &&
		j < i + 18 &&
		!isPunct(tokens[j]) &&
		!/^(VERB|AUX)$/.test(tokens[j]?.pos ?? '') &&
		tokens[j]?.quote === -1
	)
		j++;
	if (!tokens.slice(i + 2, j).some((t) => ROLE_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower))) return null;
	if (j === i + 2 || (j < to && tokens[j]?.text !== ',' && tokens[j]?.text !== '.')) return null;
	return { text: body.slice((tokens[i + 1] as Token).start, (tokens[j - 1] as Token).end), end: j };
}

/** The subject of the sentence's first finite verb, for participle cues ("Moscow exited the deal, complaining …"). */
export function mainSubject(doc: Doc, unit: Unit, before: number): SpeakerPhrase | null {
	const { tokens } = doc;
	for (let i = unit.from; i < before; i++) {
		const t = tokens[i] as Token;
		if (t.quote >= 0 || (t.pos !== 'VERB' && t.pos !== 'AUX') || /ing$/.test(t.lower)) continue;
		const { at } = skipToSubject(tokens, i, unit.from);
		return leftPhrase(doc, unit, at, i)?.phrase ?? null;
	}
	// No verb the tagger recognised ("Peskov also informed reporters …, saying"): the name opening the sentence.
	const opening = phraseStartingAt(tokens, doc.body, unit.from, before);
	return opening && (opening.kind === 'person' || opening.kind === 'org') ? opening : null;
}

/** The subject ending at `at`, stepping over an apposition or "who" clause between commas. */
export function leftPhrase(
	doc: Doc,
	unit: Unit,
	at: number,
	verb: number,
): { phrase: SpeakerPhrase; apposition: string | null } | null {
	const { tokens, body } = doc;
	if (at < unit.from) return null;
	if (tokens[at]?.lower === 'who' && tokens[at - 1]?.text === ',') at -= 2;
	let apposition: string | null = null;
	// Appositions and participle clauses between commas, walked back to the name before the first comma:
	// "Will Young, a mechanic based in Kansas City, Mo., and an organizer at …, said".
	let named: SpeakerPhrase | null = null;
	for (let n = 0; n < 4 && tokens[at]?.text === ','; n++) {
		let j = at - 1;
		while (j > unit.from && j > at - 30 && tokens[j]?.text !== ',' && tokens[j]?.quote === -1) j--;
		const first = tokens[j + 1] as Token;
		const inner = tokens.slice(j + 1, at);
		const verbless = !inner.some(
			(t) => (t.pos === 'AUX' && AUXILIARY.test(t.text)) || (t.pos === 'VERB' && !/(ed|ing)$/.test(t.lower)),
		);
		const clause =
			first.pos === 'ADP' ||
			/^(who|whose|asked|speaking|writing|addressing|responding|quoted|citing|pressed)$/.test(first.lower);
		if (!clause && !verbless) return null;
		// No earlier comma: this segment holds the subject itself.
		if (tokens[j]?.text !== ',') {
			if (n === 0) return null;
			at -= 1;
			break;
		}
		// "Hezbollah's new leader, Naim Qassem, said": the name between the commas is the speaker.
		const inside = clause ? null : phraseEndingAt(tokens, body, at - 1, j + 1);
		const isName = inside?.kind === 'person' && inside.from === j + 1;
		if (n === 0 && isName) named = inside;
		else if (isName) {
			// "Earlier, Oleksii Danilov, Secretary of …, said": a name between commas is the subject.
			at -= 1;
			break;
		} else if (!clause && inner.length > 1)
			// The segment nearest the name describes it best ("a locomotive mechanic based in …").
			apposition = body.slice(first.start, (tokens[at - 1] as Token).end).replace(/^(and\s+)?(the|an?)\s+/i, '');
		at = j;
	}
	if (tokens[at]?.text === ',') at -= 1;
	if (named) {
		const role = phraseEndingAt(tokens, body, at, unit.from);
		const descriptor = role ? role.text : named.descriptor;
		return { phrase: { ...named, from: role?.from ?? named.from, descriptor }, apposition: descriptor };
	}
	const phrase = phraseEndingAt(tokens, body, at, unit.from);
	if (!phrase || tokens[phrase.to - 1]?.pos === 'NUM') return null;
	// A noun phrase right after a verb or preposition is its object ("heard people say"), not a subject.
	const before = tokens[phrase.from - 1];
	// "with President Zelensky saying …": the noun phrase is the subject of the participle.
	const absolute = before?.lower === 'with' && /ing$/.test(tokens[verb]?.lower ?? '');
	if (
		before &&
		phrase.from > unit.from &&
		before.quote < 0 &&
		(before.pos === 'VERB' ||
			before.pos === 'AUX' ||
			(before.pos === 'ADP' && !SUBORDINATOR.test(before.lower) && !absolute))
	)
		return null;
	// "Stella's owners Tore Sohlberg and Lehla Abreder said": both names speak.
	const other =
		before?.lower === 'and' && phrase.kind === 'person'
			? phraseEndingAt(tokens, body, phrase.from - 2, unit.from)
			: null;
	if (other?.kind === 'person' && other.name && phrase.name) {
		const name = body.slice((tokens[other.from] as Token).start, (tokens[phrase.to - 1] as Token).end);
		const both = `${other.name} and ${phrase.name}`;
		return {
			phrase: { ...phrase, from: other.from, text: name, name: both, descriptor: other.descriptor, plural: true },
			apposition,
		};
	}
	return { phrase, apposition };
}

/** The speaker after an inverted verb ("…,” said Peskov, the Kremlin spokesman"), or null. */
export function rightPhrase(doc: Doc, unit: Unit, at: number): SpeakerPhrase | null {
	const { tokens, body } = doc;
	let right = /^(that|this)$/.test(tokens[at]?.lower ?? '') ? null : phraseStartingAt(tokens, body, at, unit.to);
	if (right && (right.kind === 'role' || right.kind === 'generic') && tokens[right.to]?.lower === 'and') {
		// "said oil and gas worker Mike Wipf"
		const tail = phraseStartingAt(tokens, body, right.to + 1, unit.to);
		if (tail?.kind === 'person')
			right = {
				...tail,
				from: right.from,
				descriptor: body.slice((tokens[right.from] as Token).start, (tokens[tail.to - 1] as Token).end),
			};
	}
	if (right && (right.kind === 'role' || right.kind === 'generic') && tokens[right.to]?.text === ',') {
		// "says Campbell's partner, Jason Louth": the name in apposition is the speaker.
		const named = phraseStartingAt(tokens, body, right.to + 1, unit.to);
		if (named?.kind === 'person') right = { ...named, from: right.from, descriptor: named.descriptor ?? right.text };
	}
	if (!right || (right.kind === 'generic' && right.det !== 'the' && !/^(his|her|their)$/.test(right.det ?? '')))
		return null;
	// "said it's …" is a clause, not an inverted attribution; "…,” said he." is.
	if (tokens[right.to] && tokens[right.to]?.pos !== 'PUNCT' && (tokens[right.to]?.quote ?? -1) < 0) return null;
	return right;
}
