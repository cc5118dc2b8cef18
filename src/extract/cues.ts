import type { Doc, Token, Unit } from './doc.js';
import { LABEL_VERBS, SPEECH_PHRASES, SPEECH_VERBS, STANCE_PHRASES, STANCE_VERBS, THINK_VERBS } from './lexicon.js';
import { phraseEndingAt, phraseStartingAt, type SpeakerPhrase, skipToSubject } from './phrases.js';

/** How a cue introduces what was said. */
export type CueKind = 'speech' | 'stance' | 'label' | 'according' | 'think';

/** A reporting cue in a sentence with its speaker phrase. Token indexes; [attrFrom, attrTo) is the attribution. */
export type Cue = {
	verb: number;
	verbEnd: number;
	word: string;
	kind: CueKind;
	subject: SpeakerPhrase;
	/** Where the speaker stands: before the verb, after it ("said Peskov"), or the sentence's subject ("…, saying"). */
	side: 'left' | 'right' | 'main';
	attrFrom: number;
	attrTo: number;
	/** The attribution follows a comma, colon or quote, so it does not sit inside another cue's clause. */
	commaLed: boolean;
	/** An apposition next to the speaker ("Dmitry Peskov, the Kremlin spokesman"). */
	apposition: string | null;
};

const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
const RELATIVE = new Set(['which', 'than', 'what', 'whom', 'whatever']);
const LEADING_PUNCT = new Set([',', ':', ';', '—', '–', '(']);

const isPunct = (t: Token | undefined) => t !== undefined && t.quote < 0 && t.pos === 'PUNCT';

function cueKind(tokens: Token[], i: number): { kind: CueKind; end: number } | null {
	const t = tokens[i] as Token;
	const next = tokens[i + 1]?.lower ?? '';
	if (t.lower === 'according' && next === 'to') return { kind: 'according', end: i + 2 };
	if (STANCE_PHRASES.some(([v, p]) => v === t.lower && p === next)) return { kind: 'stance', end: i + 2 };
	if (SPEECH_PHRASES.some(([v, p]) => v === t.lower && p === next)) return { kind: 'speech', end: i + 2 };
	// The tagger reads "Sinclair states." as a noun; a subject or a closing quote before it makes it a verb.
	const prev = tokens[i - 1];
	const afterSubject =
		/^\p{Ll}/u.test(t.text) &&
		prev !== undefined &&
		(prev.pos === 'PROPN' || prev.pos === 'PRON' || prev.quote >= 0 || prev.text === ',');
	const verbal = t.pos === 'VERB' || /^(said|says|told)$/.test(t.lower) || (afterSubject && /(s|ed)$/.test(t.lower));
	if (!verbal) return null;
	if (LABEL_VERBS.has(t.lower)) return { kind: 'label', end: i + 1 };
	if (THINK_VERBS.has(t.lower)) return { kind: 'think', end: i + 1 };
	if (SPEECH_VERBS.has(t.lower)) return { kind: 'speech', end: i + 1 };
	if (STANCE_VERBS.has(t.lower)) return { kind: 'stance', end: i + 1 };
	return null;
}

/** ", the Kremlin spokesman" after a name: its text and the index after it, when it holds no verb. */
export function appositionAfter(doc: Doc, i: number, to: number): { text: string; end: number } | null {
	const { tokens, body } = doc;
	if (tokens[i]?.text !== ',' || !/^(the|a|an)$/.test(tokens[i + 1]?.lower ?? '')) return null;
	let j = i + 2;
	while (j < to && j < i + 18 && !isPunct(tokens[j]) && tokens[j]?.pos !== 'VERB' && tokens[j]?.quote === -1) j++;
	if (j === i + 2 || (j < to && tokens[j]?.text !== ',' && tokens[j]?.text !== '.')) return null;
	return { text: body.slice((tokens[i + 1] as Token).start, (tokens[j - 1] as Token).end), end: j };
}

/** The subject of the sentence's first finite verb, for participle cues ("Moscow exited the deal, complaining …"). */
function mainSubject(doc: Doc, unit: Unit, before: number): SpeakerPhrase | null {
	const { tokens } = doc;
	for (let i = unit.from; i < before; i++) {
		const t = tokens[i] as Token;
		if (t.quote >= 0 || (t.pos !== 'VERB' && t.pos !== 'AUX') || /ing$/.test(t.lower)) continue;
		const { at } = skipToSubject(tokens, i, unit.from);
		return leftPhrase(doc, unit, at)?.phrase ?? null;
	}
	return null;
}

/** The subject ending at `at`, stepping over an apposition or "who" clause between commas. */
function leftPhrase(doc: Doc, unit: Unit, at: number): { phrase: SpeakerPhrase; apposition: string | null } | null {
	const { tokens, body } = doc;
	if (at < unit.from) return null;
	if (tokens[at]?.lower === 'who' && tokens[at - 1]?.text === ',') at -= 2;
	let apposition: string | null = null;
	// Up to two appositions or participle clauses between commas: "Patrice Lindsay, director of …, said".
	let named: SpeakerPhrase | null = null;
	for (let n = 0; n < 2 && tokens[at]?.text === ','; n++) {
		let j = at - 1;
		while (j > unit.from && j > at - 30 && tokens[j]?.text !== ',' && tokens[j]?.quote === -1) j--;
		if (tokens[j]?.text !== ',') return null;
		const first = tokens[j + 1] as Token;
		const inner = tokens.slice(j + 1, at);
		const verbless = !inner.some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/(ed|ing)$/.test(t.lower)));
		const clause =
			first.pos === 'ADP' ||
			/^(who|asked|speaking|writing|addressing|responding|quoted|citing|pressed)$/.test(first.lower);
		if (!clause && !verbless) return null;
		// "Hezbollah's new leader, Naim Qassem, said": the name between the commas is the speaker.
		const inside = clause ? null : phraseEndingAt(tokens, body, at - 1, j + 1);
		if (n === 0 && inside?.kind === 'person' && inside.from === j + 1) named = inside;
		else if (!clause && inner.length > 0)
			apposition ??= body.slice(first.start, (tokens[at - 1] as Token).end).replace(/^(the|an?)\s+/i, '');
		at = j - 1;
	}
	if (named) {
		const role = phraseEndingAt(tokens, body, at, unit.from);
		const descriptor = role ? role.text : named.descriptor;
		return { phrase: { ...named, from: role?.from ?? named.from, descriptor }, apposition: descriptor };
	}
	const phrase = phraseEndingAt(tokens, body, at, unit.from);
	if (!phrase || tokens[phrase.to - 1]?.pos === 'NUM') return null;
	// A noun phrase right after a verb or preposition is its object ("heard people say"), not a subject.
	const before = tokens[phrase.from - 1];
	if (
		before &&
		phrase.from > unit.from &&
		before.quote < 0 &&
		(before.pos === 'VERB' || before.pos === 'ADP' || before.pos === 'AUX')
	)
		return null;
	return { phrase, apposition };
}

/** Every reporting cue in a sentence that has a speaker phrase. */
export function findCues(doc: Doc, unit: Unit): Cue[] {
	const { tokens, body } = doc;
	const cues: Cue[] = [];
	for (let i = unit.from; i < unit.to; i++) {
		const t = tokens[i] as Token;
		if (t.quote >= 0) continue;
		const ck = cueKind(tokens, i);
		if (!ck) continue;
		const prev = tokens[i - 1];
		const ledBy = (k: number) => {
			// "then-Surrey mayoral candidate Doug McCallum": look past a "then-" prefix.
			while (k > unit.from && (tokens[k - 1]?.text === '-' || tokens[k - 1]?.lower === 'then')) k--;
			const p = tokens[k - 1];
			return k <= unit.from || (p !== undefined && (p.quote >= 0 || LEADING_PUNCT.has(p.text)));
		};
		if (ck.kind === 'according') {
			const subject = phraseStartingAt(tokens, body, ck.end, unit.to);
			if (!subject) continue;
			const appos = appositionAfter(doc, subject.to, unit.to);
			cues.push({
				verb: i,
				verbEnd: ck.end,
				word: 'according to',
				kind: ck.kind,
				subject,
				side: 'right',
				attrFrom: i,
				attrTo: appos?.end ?? subject.to,
				commaLed: ledBy(i),
				apposition: appos?.text ?? null,
			});
			continue;
		}
		const participle =
			/ing$/.test(t.lower) &&
			(prev?.text === ',' || prev?.lower === 'as' || prev?.lower === 'by' || prev?.lower === 'while');
		if (participle) {
			// "…, China's Foreign Ministry said, responding to …": the speaker of the cue before it.
			const subject = cues.at(-1)?.subject ?? mainSubject(doc, unit, i);
			if (subject)
				cues.push({
					verb: i,
					verbEnd: ck.end,
					word: t.lower,
					kind: ck.kind,
					subject,
					side: 'main',
					attrFrom: i,
					attrTo: ck.end,
					commaLed: true,
					apposition: null,
				});
			continue;
		}
		const { at, negated } = skipToSubject(tokens, i, unit.from);
		if (negated) continue;
		const skipped = tokens.slice(at + 1, i).map((x) => x.lower);
		if (skipped.some((w) => PASSIVE.has(w)) && /(ed|told|said)$/.test(t.lower)) continue;
		if (tokens[i + 1]?.lower === 'by') continue;
		const left = leftPhrase(doc, unit, at);
		// "than TransLink says", "which China said was reached", "what he said": not an attribution.
		if (left && RELATIVE.has(tokens[left.phrase.from - 1]?.lower ?? '')) continue;
		if (left) {
			cues.push({
				verb: i,
				verbEnd: ck.end,
				word: t.lower,
				kind: ck.kind,
				subject: left.phrase,
				side: 'left',
				attrFrom: left.phrase.from,
				attrTo: ck.end,
				commaLed: ledBy(left.phrase.from),
				apposition: left.apposition,
			});
			continue;
		}
		if (ck.kind !== 'speech' || !ledBy(i)) continue;
		let right = /^(that|this)$/.test(tokens[ck.end]?.lower ?? '')
			? null
			: phraseStartingAt(tokens, body, ck.end, unit.to);
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
			continue;
		// "said it's …" is a clause, not an inverted attribution; "…,” said he." is.
		if (right.kind === 'pronoun' && tokens[right.to] && tokens[right.to]?.pos !== 'PUNCT') continue;
		const appos = appositionAfter(doc, right.to, unit.to);
		cues.push({
			verb: i,
			verbEnd: ck.end,
			word: t.lower,
			kind: ck.kind,
			subject: right,
			side: 'right',
			attrFrom: i,
			attrTo: appos?.end ?? right.to,
			commaLed: true,
			apposition: appos?.text ?? null,
		});
	}
	return cues;
}
