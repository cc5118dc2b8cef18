import type { Attribution } from './attribution.js';
import type { Doc, Token, Unit } from './doc.js';

const LABEL = /^\s*(READ MORE|WATCH|RELATED|LISTEN|SEE ALSO|MORE|PHOTOS|VIDEO|UPDATE|ALSO READ)\b[^:]*:/;
const TERMINAL = /[.!?:;,"”’'»)…]\s*$/;

/**
 * Paragraphs that are headings, cross-links or captions, whose quotes are not statements: "READ MORE: …",
 * a short line with no closing punctuation, a short quoted line standing alone.
 */
export function headingParagraphs(doc: Doc): Set<number> {
	const out = new Set<number>();
	// A paragraph that leaves a quotation open runs on into the next one: never a heading.
	const open = new Set(doc.quotes.filter((q) => !q.closed).map((q) => q.close));
	doc.paragraphs.forEach(([from, to], i) => {
		if (open.has(to)) return;
		const text = doc.body.slice(from, to).trim();
		const words = text.split(/\s+/).length;
		if (LABEL.test(text)) out.add(i);
		else if (!TERMINAL.test(text) && words <= 25) out.add(i);
		else if (words <= 8 && /^["“'‘].*["”'’]$/.test(text) && !/[.!?,]["”'’]$/.test(text)) out.add(i);
	});
	return out;
}

/**
 * Quotations that stand as sentences of their own in a sentence with no cue: the whole sentence, a quotation that
 * opens it and ends in . ? or !, or one that closes it after a colon ("…took to Twitter with this: “…”").
 */
export function standaloneQuotes(doc: Doc, unit: Unit): number[] {
	const { tokens, body, quotes } = doc;
	const ids = [...new Set(tokens.slice(unit.from, unit.to).map((t) => t.quote))].filter((q) => q >= 0);
	const words = tokens.slice(unit.from, unit.to).filter((t) => t.quote < 0 && t.pos !== 'PUNCT');
	if (ids.length === 0) return [];
	if (words.length === 0) return ids;
	const first = tokens[unit.from] as Token;
	const q0 = quotes[ids[0] as number];
	if (first.quote >= 0 && q0 && /[.?!…]$/.test(body.slice(q0.start, q0.end))) return [ids[0] as number];
	const lastId = ids.at(-1) as number;
	const ql = quotes[lastId];
	let k = unit.to - 1;
	while (k > unit.from && (tokens[k]?.quote === lastId || tokens[k]?.pos === 'PUNCT')) k--;
	const colon = tokens.slice(k, unit.to).find((t) => t.quote < 0 && t.text === ':');
	if (ql && colon && tokens[unit.to - 1]?.quote === lastId) return [lastId];
	return [];
}

/** A quotation that is a title or a label rather than speech: every word capitalised, or too short to stand alone. */
export function isTitleOrScare(text: string, minWords: number): boolean {
	const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
	if (words.length < minWords) return true;
	const small = /^(a|an|the|of|and|or|in|on|to|for|at|by|with|from|de|la)$/i;
	return words.length >= 2 && words.length <= 8 && words.every((w) => small.test(w) || /^[\p{Lu}\d]/u.test(w));
}

/** Drops statements whose span overlaps one already kept with higher confidence. */
export function dedupe(items: Attribution[]): Attribution[] {
	const kept: Attribution[] = [];
	for (const a of [...items].sort((x, y) => y.confidence - x.confidence || x.start - y.start)) {
		if (kept.some((k) => a.start < k.end && k.start < a.end)) continue;
		kept.push(a);
	}
	return kept.sort((x, y) => x.start - y.start);
}
