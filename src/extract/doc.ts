import model from 'wink-eng-lite-web-model';
import winkNLP, { type PartOfSpeech, type WinkMethods } from 'wink-nlp';
import { findQuotes, paragraphs, type QuoteSpan } from './quotes.js';

/** One wink-nlp token with its offsets in the original body. */
export type Token = {
	text: string;
	lower: string;
	pos: PartOfSpeech;
	start: number;
	end: number;
	/** Index into `Doc.quotes` when the token lies inside a quote (marks included), else -1. */
	quote: number;
	para: number;
};

/** A sentence, with quotes kept whole: tokens [from, to). */
export type Unit = { from: number; to: number; para: number };

/** An analysed article body: tokens, quotes, paragraphs and quote-aware sentences. */
export type Doc = {
	body: string;
	tokens: Token[];
	quotes: QuoteSpan[];
	paragraphs: Array<[number, number]>;
	units: Unit[];
};

let nlp: WinkMethods | null = null;

/** Lazily loads the wink-nlp English model once per process (about 10 ms). */
function winkInstance(): WinkMethods {
	nlp ??= winkNLP(model, ['sbd', 'pos']);
	return nlp;
}

/** Same length as the body, so offsets carry over: typographic apostrophes and odd spaces made plain. */
function normalise(body: string): string {
	return body.replace(/[’‘`]/g, "'").replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');
}

function indexOf<T extends { start: number }>(items: Array<T & { end: number }>, at: number): number {
	let lo = 0;
	let hi = items.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const it = items[mid] as T & { end: number };
		if (at < it.start) hi = mid - 1;
		else if (at >= it.end) lo = mid + 1;
		else return mid;
	}
	return -1;
}

/** Tokenises, tags and splits the body into quote-aware sentences. */
export function analyse(body: string): Doc {
	const wink = winkInstance();
	const doc = wink.readDoc(normalise(body));
	const its = wink.its;
	const values = doc.tokens().out(its.value) as string[];
	const spaces = doc.tokens().out(its.precedingSpaces) as string[];
	const tags = doc.tokens().out(its.pos) as PartOfSpeech[];
	const quotes = findQuotes(body);
	const paras = paragraphs(body);
	const quoteRanges = quotes.map((q) => ({ start: q.open, end: q.close }));
	const paraRanges = paras.map(([start, end]) => ({ start, end: end + 1 }));
	const tokens: Token[] = [];
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		at += (spaces[i] ?? '').length;
		const text = values[i] ?? '';
		tokens.push({
			text: body.slice(at, at + text.length),
			lower: text.toLowerCase(),
			pos: tags[i] ?? 'X',
			start: at,
			end: at + text.length,
			quote: indexOf(quoteRanges, at),
			para: Math.max(0, indexOf(paraRanges, at)),
		});
		at += text.length;
	}
	const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
	return { body, tokens, quotes, paragraphs: paras, units: mergeUnits(spans, tokens) };
}

/** Joins sentences that a quote or a paragraph-internal split would otherwise cut. */
function mergeUnits(spans: Array<[number, number]>, tokens: Token[]): Unit[] {
	const units: Unit[] = [];
	for (const [first, last] of spans) {
		// wink may run a sentence across a line break; split there.
		let from = first;
		for (let i = first + 1; i <= last + 1; i++) {
			const t = tokens[i];
			const prev = tokens[i - 1] as Token;
			if (i === last + 1 || (t && t.para !== prev.para)) {
				units.push({ from, to: i, para: prev.para });
				from = i;
			}
		}
	}
	const merged: Unit[] = [];
	for (const u of units) {
		const prev = merged.at(-1);
		const lastTok = prev ? tokens[prev.to - 1] : undefined;
		const firstTok = tokens[u.from];
		const inQuote = lastTok !== undefined && lastTok.quote >= 0 && lastTok.quote === firstTok?.quote;
		// A sentence that starts in lower case continues the previous one ("he lost 16 lbs. since …").
		const lower = firstTok !== undefined && firstTok.quote < 0 && /^\p{Ll}/u.test(firstTok.text);
		if (prev && lastTok && firstTok && prev.para === u.para && (inQuote || lower)) {
			prev.to = u.to;
		} else merged.push({ ...u });
	}
	return merged;
}
