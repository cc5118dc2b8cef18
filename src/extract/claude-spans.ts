/** A sentence of an article body, by character offsets (end exclusive). */
export type Sentence = { start: number; end: number };

// Words after which a period does not end a sentence ("Mr. Peskov", "U.S. officials", "Gen. Gerasimov").
const ABBREVIATIONS = new Set(
	'mr mrs ms dr prof gen lt col maj capt sgt adm cmdr sen rep gov pres amb st jr sr rev hon no vs etc inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u'.split(
		' ',
	),
);

function endsSentence(body: string, at: number, punctuationStart: number): boolean {
	const next = body.slice(at).match(/^\s*(\S)/)?.[1];
	if (next === undefined) return true;
	if (/\n\s*\n/.test(body.slice(at, at + 4))) return true;
	if (/[a-z]/.test(next)) return false;
	if (body[punctuationStart] !== '.') return true;
	const word =
		body
			.slice(0, punctuationStart)
			.match(/([\p{L}.]+)$/u)?.[1]
			?.toLowerCase() ?? '';
	// A single capital letter before the period is an initial ("Donald J. Trump").
	return !ABBREVIATIONS.has(word) && !/^\p{L}$/u.test(word);
}

/** Splits a body into sentences for numbering: paragraph breaks always split, abbreviations and initials do not. */
export function splitSentences(body: string): Sentence[] {
	const sentences: Sentence[] = [];
	const boundary = /[.!?…]+["'”’»)\]]*(?=\s|$)|\n\s*\n/g;
	let start = 0;
	for (const match of body.matchAll(boundary)) {
		const end = match.index + match[0].length;
		if (match[0].trim() !== '' && !endsSentence(body, end, match.index)) continue;
		push(body, sentences, start, end);
		start = end;
	}
	push(body, sentences, start, body.length);
	return sentences;
}

function push(body: string, sentences: Sentence[], from: number, to: number): void {
	let start = from;
	let end = to;
	while (start < end && /\s/.test(body[start] as string)) start++;
	while (end > start && /\s/.test(body[end - 1] as string)) end--;
	if (end > start) sentences.push({ start, end });
}

const QUOTE_MARKS = /["“”„«»‘’']/;

// Folds the characters a model is likely to change when copying (quote styles, dashes, spacing, case).
function fold(char: string): string {
	if (/[‘’‚‛′]/.test(char)) return "'";
	if (/[“”„‟″«»]/.test(char)) return '"';
	if (/[‐‑‒–—―]/.test(char)) return '-';
	return char.toLowerCase();
}

/** The body region folded for searching, with a map from each folded character back to its body offset. */
function folded(body: string, from: number, to: number): { text: string; map: number[] } {
	let text = '';
	const map: number[] = [];
	for (let i = from; i < to; i++) {
		const char = body[i] as string;
		if (/\s/.test(char)) {
			if (text.endsWith(' ')) continue;
			text += ' ';
		} else text += fold(char);
		map.push(i);
	}
	return { text, map };
}

function foldNeedle(needle: string): string {
	return [...needle.replace(/\s+/g, ' ').trim()].map(fold).join('');
}

/** The statement's span, cut from the body between the model's anchors; null when the anchors are not there. */
export function locateSpan(
	body: string,
	sentences: Sentence[],
	item: {
		first_sentence: number;
		last_sentence: number;
		starts_with: string;
		ends_with: string;
		kind: 'direct' | 'indirect';
	},
): { start: number; end: number } | null {
	const first = sentences[item.first_sentence - 1];
	const last = sentences[item.last_sentence - 1];
	if (!first || !last || item.last_sentence < item.first_sentence || item.last_sentence - item.first_sentence > 12) {
		return null;
	}
	const region = folded(body, first.start, last.end);
	const head = foldNeedle(item.starts_with.replace(/^["“”„«»‘’'\s]+/, ''));
	const tail = foldNeedle(item.ends_with.replace(/["“”„«»‘’'\s]+$/, ''));
	if (head === '' || tail === '') return null;
	const h = region.text.indexOf(head);
	if (h < 0) return null;
	const t = region.text.indexOf(tail, h);
	if (t < 0) return null;
	let start = region.map[h] as number;
	let end = (region.map[t + tail.length - 1] as number) + 1;
	while (start < end && (QUOTE_MARKS.test(body[start] as string) || /\s/.test(body[start] as string))) start++;
	const trailing = item.kind === 'direct' ? /[\s"“”„«»‘’',]/ : /[\s"“”„«»‘’',.;:]/;
	while (end > start && trailing.test(body[end - 1] as string)) end--;
	return end - start >= 3 ? { start, end } : null;
}
