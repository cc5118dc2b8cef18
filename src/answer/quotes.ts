import type { StoredStatement } from '../store/store.js';
import type { BriefingQuote } from './briefing.js';
import type { QuoteGroup } from './syndication.js';
import { dayOf } from './timeline.js';

/** Newest first, undated last; within a day, by article then position so a report reads in order. */
export function newestFirst(a: StoredStatement, b: StoredStatement): number {
	const da = dayOf(a.published);
	const db = dayOf(b.published);
	if (da !== db) {
		if (da === null) return 1;
		if (db === null) return -1;
		return db.localeCompare(da);
	}
	if (a.articleId !== b.articleId) return b.articleId - a.articleId;
	return a.start - b.start;
}

/** A quote as shown to the reader, numbered `n`: always the stored words and metadata, never model text. */
export function toBriefingQuote(group: QuoteGroup, n: number): BriefingQuote {
	const s = group.statement;
	return {
		n,
		statementId: s.id,
		quote: s.quote,
		kind: s.kind,
		speaker: s.speaker,
		speakerRole: s.speakerRole,
		actor: s.actor,
		aboutActor: s.aboutActor,
		topic: s.topic,
		stance: s.stance,
		url: s.url,
		outlet: s.outlet,
		outlets: group.outlets,
		title: s.title,
		published: s.published,
	};
}

/** "A", "A and B", "A, B and C", or "A, B and 3 others". */
export function listNames(names: string[], max = 3): string {
	const unique = [...new Set(names)];
	if (unique.length <= 1) return unique[0] ?? '';
	if (unique.length <= max) return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
	const others = unique.length - max + 1;
	return `${unique.slice(0, max - 1).join(', ')} and ${others} others`;
}

/** "Russia's", "the Philippines'": the possessive of a name. */
export function possessive(name: string): string {
	return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
