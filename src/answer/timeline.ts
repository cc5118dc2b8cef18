import type { Stance } from '../extract/statement.js';
import type { Briefing } from './briefing.js';

const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) of a stored publication date or timestamp, or null when unknown or unparsable. */
export function dayOf(published: string | null | undefined): string | null {
	const m = published?.match(/^(\d{4})-(\d{2})-(\d{2})/);
	if (!m) return null;
	const day = `${m[1]}-${m[2]}-${m[3]}`;
	return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? null : day;
}

/** "12 Mar 2025" for an ISO day. */
export function formatDay(day: string): string {
	return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`),
	);
}

/** Whole days from `day` (UTC midnight) to `now`; never negative (a future date counts as today). */
export function daysSince(day: string, now: Date): number {
	const then = Date.parse(`${day}T00:00:00Z`);
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	return Math.max(0, Math.round((today - then) / DAY_MS));
}

/** What the timeline needs of a numbered quote. */
export type DatedQuote = { n: number; published: string | null; stance: Stance | null };

/** Every quote as a point in time, oldest first; undated ones last, in their given order. */
export function buildTimeline(quotes: DatedQuote[]): Briefing['timeline'] {
	const points = quotes.map((q) => ({ date: dayOf(q.published), stance: q.stance, n: q.n }));
	const dated = points
		.filter((p) => p.date !== null)
		.sort((a, b) => (a.date as string).localeCompare(b.date as string));
	return [...dated, ...points.filter((p) => p.date === null)];
}

/** The newest dated quote's day and its age in days, or null when no quote has a date. */
export function lastOnRecord(quotes: DatedQuote[], now: Date): Briefing['lastStatement'] {
	const days = quotes.map((q) => dayOf(q.published)).filter((d): d is string => d !== null);
	if (days.length === 0) return null;
	const date = days.sort().at(-1) as string;
	return { date, daysAgo: daysSince(date, now) };
}

/** "last on-record statement 12 Mar 2025 (47 days ago)". */
export function describeStaleness(last: NonNullable<Briefing['lastStatement']>): string {
	const ago = last.daysAgo === 0 ? 'today' : last.daysAgo === 1 ? '1 day ago' : `${last.daysAgo} days ago`;
	return `last on-record statement ${formatDay(last.date)} (${ago})`;
}

/**
 * A visible change of position: the last dated quote that took the other side before the newest
 * position, and the first quote after it that took the newest position. Only support and oppose count.
 */
export function findStanceChange(quotes: DatedQuote[]): Briefing['stanceChange'] {
	const polar = buildTimeline(quotes).filter(
		(p): p is { date: string; stance: 'support' | 'oppose'; n: number } =>
			p.date !== null && (p.stance === 'support' || p.stance === 'oppose'),
	);
	const newest = polar.at(-1);
	if (!newest) return null;
	let fromIndex = -1;
	for (let i = polar.length - 1; i >= 0; i--) {
		const p = polar[i] as (typeof polar)[number];
		if (p.stance !== newest.stance && p.date < newest.date) {
			fromIndex = i;
			break;
		}
	}
	if (fromIndex < 0) return null;
	const from = polar[fromIndex] as (typeof polar)[number];
	const to = polar.slice(fromIndex + 1).find((p) => p.stance === newest.stance && p.date > from.date);
	return to ? { from: from.n, to: to.n } : null;
}
