import type { StoredStatement } from '../store/store.js';
import { dayOf } from './timeline.js';

/** One quote as the reader sees it: the copy we show and every stored copy of the same words. */
export type QuoteGroup = {
	/** The copy shown: the earliest dated one (the likely original), else the first with a URL. */
	statement: StoredStatement;
	copies: StoredStatement[];
	/** Every outlet that carried it, shown copy first. */
	outlets: string[];
};

// Short quotes ("No.", "We will see") recur across unrelated speakers, so they only merge per speaker.
const MIN_CROSS_SPEAKER_LENGTH = 24;

/** The words of a quote with typography, case and edge punctuation normalised, for matching copies. */
export function quoteKey(quote: string): string {
	return quote
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
		.replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
		.replace(/[\u2010-\u2015]/g, '-')
		.replace(/\s+/g, ' ')
		.replace(/^[\s"',;:.…-]+|[\s"',;:.…-]+$/g, '');
}

function groupKey(s: StoredStatement): string {
	const key = quoteKey(s.quote);
	return key.length >= MIN_CROSS_SPEAKER_LENGTH ? key : `${s.speaker.toLowerCase()}\u0000${key}`;
}

function isBetterOriginal(candidate: StoredStatement, current: StoredStatement): boolean {
	const a = dayOf(candidate.published);
	const b = dayOf(current.published);
	if (a && !b) return true;
	if (a && b && a !== b) return a < b;
	if (a === b && candidate.url && !current.url) return true;
	return false;
}

/**
 * Collapses syndicated copies (the same words in several articles) into one group each, keeping the
 * order of first appearance, so a wire quote carried by ten sites counts once and lists its outlets.
 */
export function collapseSyndicated(statements: StoredStatement[]): QuoteGroup[] {
	const groups = new Map<string, QuoteGroup>();
	for (const s of statements) {
		const key = groupKey(s);
		const group = groups.get(key);
		if (!group) {
			groups.set(key, { statement: s, copies: [s], outlets: [] });
			continue;
		}
		if (group.copies.some((c) => c.id === s.id)) continue;
		group.copies.push(s);
		if (isBetterOriginal(s, group.statement)) group.statement = s;
	}
	for (const group of groups.values()) {
		const outlets = [group.statement, ...group.copies].map((c) => c.outlet).filter((o): o is string => Boolean(o));
		group.outlets = [...new Set(outlets)];
	}
	return [...groups.values()];
}
