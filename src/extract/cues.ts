import type { Doc, Token, Unit } from './doc.js';
import { LABEL_VERBS, SPEECH_PHRASES, SPEECH_VERBS, STANCE_PHRASES, STANCE_VERBS, THINK_VERBS } from './lexicon.js';
import { phraseStartingAt, type SpeakerPhrase, skipToSubject } from './phrases.js';
import { appositionAfter, leftPhrase, mainSubject, rightPhrase } from './subjects.js';

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

/** Every word that can start a cue, to skip the rest of the tokens at once. */
const CUE_WORDS = new Set([
	'according',
	...SPEECH_VERBS,
	...STANCE_VERBS,
	...LABEL_VERBS,
	...THINK_VERBS,
	...SPEECH_PHRASES.map(([v]) => v),
	...STANCE_PHRASES.map(([v]) => v),
]);

function cueKind(tokens: Token[], i: number): { kind: CueKind; end: number } | null {
	const t = tokens[i] as Token;
	if (!CUE_WORDS.has(t.lower)) return null;
	const next = tokens[i + 1]?.lower ?? '';
	if (t.lower === 'according' && next === 'to') return { kind: 'according', end: i + 2 };
	if (STANCE_PHRASES.some(([v, p]) => v === t.lower && p === next)) return { kind: 'stance', end: i + 2 };
	if (SPEECH_PHRASES.some(([v, p]) => v === t.lower && p === next)) return { kind: 'speech', end: i + 2 };
	// The tagger reads "Sinclair states." as a noun; a subject or a closing quote before it makes it a verb.
	const prev = tokens[i - 1];
	const afterSubject =
		/^\p{Ll}/u.test(t.text) &&
		prev !== undefined &&
		!/^(his|her|their|its|my|our|your)$/.test(prev.lower) &&
		(prev.pos === 'PROPN' || prev.pos === 'PRON' || prev.quote >= 0 || prev.text === ',');
	const quotesName = t.lower === 'quotes' && tokens[i + 1]?.pos === 'PROPN';
	const verbal =
		t.pos === 'VERB' ||
		quotesName ||
		/^(said|says|told)$/.test(t.lower) ||
		(afterSubject && /(s|ed|ing)$/.test(t.lower));
	if (!verbal) return null;
	if (LABEL_VERBS.has(t.lower)) return { kind: 'label', end: i + 1 };
	// Beliefs and hopes ("He believes Britain should leave") are not reported speech.
	if (THINK_VERBS.has(t.lower)) return null;
	if (SPEECH_VERBS.has(t.lower)) return { kind: 'speech', end: i + 1 };
	if (STANCE_VERBS.has(t.lower)) return { kind: 'stance', end: i + 1 };
	return null;
}

// A cue whose speaker is the sentence's subject or the previous cue's ("…, noting that", "… and said that").
function mainSubjectCue(
	verb: number,
	ck: { kind: CueKind; end: number },
	word: string,
	subject: SpeakerPhrase,
	commaLed: boolean,
): Cue {
	return {
		verb,
		verbEnd: ck.end,
		word,
		kind: ck.kind,
		subject,
		side: 'main',
		attrFrom: verb,
		attrTo: ck.end,
		commaLed,
		apposition: null,
	};
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
			// The source runs to the next comma: "according to a survey of listed clubs by CTV News, …".
			let sourceEnd = appos?.end ?? subject.to;
			while (sourceEnd < unit.to && tokens[sourceEnd]?.text !== ',' && (tokens[sourceEnd]?.quote ?? -1) < 0)
				sourceEnd++;
			if (sourceEnd < unit.to && tokens[sourceEnd]?.quote !== -1) sourceEnd = appos?.end ?? subject.to;
			cues.push({
				verb: i,
				verbEnd: ck.end,
				word: 'according to',
				kind: ck.kind,
				subject,
				side: 'right',
				attrFrom: i,
				attrTo: sourceEnd,
				commaLed: ledBy(i),
				apposition: appos?.text ?? null,
			});
			continue;
		}
		// "…, noting that …" and "…,” noting that …" (the comma inside the closing quotation mark).
		const commaBefore =
			prev?.text === ',' ||
			(prev !== undefined && prev.quote >= 0 && /,\s*["”'’]?$/.test(body.slice(prev.start - 2, prev.end)));
		const participle = /ing$/.test(t.lower) && (commaBefore || /^(as|by|while)$/.test(prev?.lower ?? ''));
		if (participle) {
			// "…, China's Foreign Ministry said, responding to …": the speaker of the cue before it.
			const subject = cues.at(-1)?.subject ?? mainSubject(doc, unit, i);
			if (subject) cues.push(mainSubjectCue(i, ck, t.lower, subject, true));
			continue;
		}
		const { at, negated } = skipToSubject(tokens, i, unit.from);
		if (negated) continue;
		// "He urged the official to face reality and said that …": the subject of the first verb.
		if (tokens[at]?.lower === 'and' && tokens[at]?.quote === -1) {
			const subject = cues.at(-1)?.subject ?? mainSubject(doc, unit, at);
			if (subject) cues.push(mainSubjectCue(i, ck, t.lower, subject, false));
			continue;
		}
		const skipped = tokens.slice(at + 1, i).map((x) => x.lower);
		if (skipped.some((w) => PASSIVE.has(w)) && /(ed|told|said)$/.test(t.lower)) continue;
		if (tokens[i + 1]?.lower === 'by') continue;
		// ", says Kim." names its speaker after the verb, whatever list precedes the comma.
		const inverted = prev?.text === ',' && ck.kind === 'speech' ? rightPhrase(doc, unit, ck.end) : null;
		const left = inverted ? null : leftPhrase(doc, unit, at, i);
		// "than TransLink says", "which China said was reached", "what he said": not an attribution.
		if (left && RELATIVE.has(tokens[left.phrase.from - 1]?.lower ?? '')) continue;
		// "As the agency reported earlier, …": a source for the sentence, which has its own speaker.
		if (left && left.phrase.from === unit.from + 1 && tokens[unit.from]?.lower === 'as') continue;
		if (left) {
			// "“…,” the publication quotes Grossi.": the one quoted speaks, not the one quoting.
			const quoted = /^(quotes|quoted|cites|cited)$/.test(t.lower)
				? phraseStartingAt(tokens, body, ck.end, unit.to)
				: null;
			const source = quoted?.kind === 'person' ? quoted : null;
			cues.push({
				verb: i,
				verbEnd: ck.end,
				word: t.lower,
				kind: ck.kind,
				subject: source ?? left.phrase,
				side: 'left',
				attrFrom: left.phrase.from,
				attrTo: source?.to ?? ck.end,
				commaLed: ledBy(left.phrase.from),
				apposition: left.apposition,
			});
			continue;
		}
		if (ck.kind !== 'speech' || !ledBy(i)) continue;
		const right = inverted ?? rightPhrase(doc, unit, ck.end);
		if (!right) continue;
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
