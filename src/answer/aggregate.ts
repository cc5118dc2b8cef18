import type { Stance, StatementKind } from '../extract/statement.js';
import { dayOf, daysSince, formatDay } from './timeline.js';

/** What aggregation needs of one of the actor's own quotes (syndicated copies already collapsed). */
export type StanceEvidence = {
	stance: Stance | null;
	kind: StatementKind;
	published: string | null;
	confidence: number;
};

/** The overall position and a one-line reason a reader can check against the quotes. */
export type StanceVerdict = { stance: Stance; reason: string };

// A quote in the speaker's own words says more about the position than a reporter's paraphrase.
const KIND_WEIGHT: Record<StatementKind, number> = { direct: 1, indirect: 0.75 };
// Positions drift: a statement a year older than the newest one counts half.
const HALF_LIFE_DAYS = 365;
// Undated statements are of unknown age: they count, but less than the newest dated ones.
const UNDATED_WEIGHT = 0.6;
// The smaller side must carry this share of the weight to make the position mixed: a 2:1 majority is a
// position (and absorbs one misread statement); 3:2 is a split.
const CONFLICT_SHARE = 0.4;

/** How much one quote counts: directness × recency (relative to the newest dated quote) × extraction confidence. */
export function evidenceWeight(e: StanceEvidence, newestDay: string | null): number {
	const day = dayOf(e.published);
	let recency = UNDATED_WEIGHT;
	if (day && newestDay) recency = 0.5 ** (daysSince(day, new Date(`${newestDay}T00:00:00Z`)) / HALF_LIFE_DAYS);
	else if (day) recency = 1;
	const confidence = Math.min(1, Math.max(0.3, e.confidence));
	return KIND_WEIGHT[e.kind] * recency * confidence;
}

const VERB: Record<Stance, string> = {
	support: 'support',
	oppose: 'oppose',
	mixed: 'are mixed or conditional',
	neutral: 'take no side',
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The overall stance of an actor's own statements: support or oppose when one side clearly dominates
 * (weighted by recency and directness; a conditional statement counts half for each side); mixed when
 * conditional statements outweigh the rest, when the two sides conflict, or when the position changed
 * recently enough that the old side still carries weight; neutral when no statement takes a side.
 */
export function aggregateStance(evidence: StanceEvidence[]): StanceVerdict {
	const newestDay =
		evidence
			.map((e) => dayOf(e.published))
			.filter((d): d is string => d !== null)
			.sort()
			.at(-1) ?? null;
	const weight: Record<Stance, number> = { support: 0, oppose: 0, mixed: 0, neutral: 0 };
	const count: Record<Stance, number> = { support: 0, oppose: 0, mixed: 0, neutral: 0 };
	for (const e of evidence) {
		const stance = e.stance ?? 'neutral';
		weight[stance] += evidenceWeight(e, newestDay);
		count[stance]++;
	}
	const total = evidence.length;
	const polar = weight.support + weight.oppose;
	if (polar + weight.mixed === 0) {
		return { stance: 'neutral', reason: `none of the ${plural(total, 'statement')} takes a side` };
	}
	const tally = (['oppose', 'support', 'mixed', 'neutral'] as const)
		.filter((s) => count[s] > 0)
		.map((s) => `${count[s]} ${s}`)
		.join(', ');
	if (weight.mixed >= polar) {
		return { stance: 'mixed', reason: `most statements are conditional or two-sided (${tally})` };
	}
	// A conditional statement leans both ways: half its weight goes to each side.
	const forSide = weight.support + weight.mixed / 2;
	const against = weight.oppose + weight.mixed / 2;
	if (Math.min(forSide, against) >= CONFLICT_SHARE * (forSide + against)) {
		return { stance: 'mixed', reason: `statements point both ways (${tally})` };
	}
	const side = forSide > against ? 'support' : 'oppose';
	const newestSided = evidence
		.filter((e) => e.stance === 'support' || e.stance === 'oppose')
		.map((e) => ({ e, day: dayOf(e.published) }))
		.filter((x): x is { e: StanceEvidence; day: string } => x.day !== null)
		.sort((a, b) => b.day.localeCompare(a.day))[0];
	const newest = newestSided
		? `; the newest (${formatDay(newestSided.day)}) ${VERB[newestSided.e.stance ?? 'neutral']}s`
		: '';
	return { stance: side, reason: `${count[side]} of ${plural(total, 'statement')} ${VERB[side]} (${tally})${newest}` };
}
