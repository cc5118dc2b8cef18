import type { ContentBlock, TextCitation } from '@anthropic-ai/sdk/resources/messages';
import type { LlmStatement } from './llm.js';

/** A cap on the prose shown, whatever the model writes. */
export const MAX_PROSE_CHARS = 1_500;

/** Whitespace- and Unicode-normalised text, for comparing a citation's cited_text with the stored quote. */
export function normalizeQuote(text: string): string {
	return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Looser form for matching a span the model put in quotation marks against the quotes it cited.
function loose(text: string): string {
	return normalizeQuote(text)
		.replace(/[‘’‚‛′]/g, "'")
		.replace(/[“”„‟″«»]/g, '"')
		.replace(/[‐‑‒–—―]/g, '-')
		.toLowerCase();
}

const QUOTED =
	/“([^“”\n]*)”|"([^"\n]*)"|«([^«»\n]*)»|„([^„“”\n]*)[“”]|‘([^‘’\n]*)’|(?<![\p{L}\p{N}])'([^'\n]*)'(?![\p{L}\p{N}])/gu;

/**
 * Makes model prose safe to show: no URLs or markdown links (phishing, exfiltration), no Discord mentions or
 * custom emoji, no code, and quotation marks only around words that really are in a quote cited with it.
 */
export function sanitizeProse(text: string, citedQuotes: string[]): string {
	const backed = citedQuotes.map(loose);
	const kept: string[] = [];
	return text
		.replace(/[\uE000\uE001]/g, '')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<(?:https?|ftp):[^>\s]*>/gi, '')
		.replace(/\b(?:https?|ftp):\/\/\S+/gi, '')
		.replace(/\bwww\.\S+/gi, '')
		.replace(/<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>/g, '')
		.replace(/@(?:everyone|here)\b/gi, '')
		.replace(/@(?=\w)/g, '')
		.replace(/`+/g, '')
		.replace(QUOTED, (match, ...groups: (string | undefined)[]) => {
			const inner = groups.slice(0, 6).find((g) => g !== undefined) ?? '';
			const key = loose(inner);
			if (key === '' || !backed.some((q) => q.includes(key))) return inner;
			// Set aside so the sweep for stray quotation marks below leaves it whole.
			kept.push(match);
			return `\uE000${kept.length - 1}\uE001`;
		})
		.replace(/[“”"«»„‟]/g, '')
		.replace(/‘|(?<![\p{L}\p{N}])’|’(?![\p{L}\p{N}])/gu, '')
		.replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)] ?? '')
		.replace(/[ \t\r\n]+/g, ' ')
		.replace(/ +([.,;:!?])/g, '$1');
}

function validIndex(c: TextCitation, statements: LlmStatement[], sent: number[]): number | null {
	if (c.type !== 'search_result_location') return null;
	const statementIndex = sent[c.search_result_index];
	if (!Number.isInteger(c.search_result_index) || statementIndex === undefined) return null;
	// One block per statement: any other range cannot be the stored quote.
	if (c.start_block_index !== 0 || c.end_block_index !== 1) return null;
	const stored = statements[statementIndex];
	if (!stored || normalizeQuote(c.cited_text) !== normalizeQuote(stored.quote)) return null;
	return statementIndex;
}

/** The answer's text blocks as sanitised segments; citations are statement indexes that passed every check. */
export function verifyAnswer(
	content: ContentBlock[],
	statements: LlmStatement[],
	sent: number[],
): { segments: { text: string; citations: number[] }[]; dropped: number } {
	const segments: { text: string; citations: number[] }[] = [];
	let dropped = 0;
	let length = 0;
	for (const block of content) {
		if (block.type !== 'text') continue;
		const citations: number[] = [];
		for (const c of block.citations ?? []) {
			const index = validIndex(c, statements, sent);
			if (index === null) dropped++;
			else if (!citations.includes(index)) citations.push(index);
		}
		const quotes = citations.map((i) => (statements[i] as LlmStatement).quote);
		const text = sanitizeProse(block.text, quotes);
		if (length + text.length > MAX_PROSE_CHARS) break;
		length += text.length;
		const previous = segments.at(-1);
		if (text.trim() === '' && citations.length === 0) continue;
		if (text.trim() === '' && previous) {
			for (const i of citations) if (!previous.citations.includes(i)) previous.citations.push(i);
			continue;
		}
		segments.push({ text, citations });
	}
	const first = segments[0];
	if (first) first.text = first.text.trimStart();
	const last = segments.at(-1);
	if (last) last.text = last.text.trimEnd();
	return { segments, dropped };
}
