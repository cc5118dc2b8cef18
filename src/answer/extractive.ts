import { speakerInProse } from '../actors/registry.js';
import type { Stance } from '../extract/statement.js';
import type { Briefing, BriefingQuote, SummarySegment } from './briefing.js';
import type { PairedClaim } from './claims.js';
import { listNames, possessive } from './quotes.js';
import { dayOf, formatDay } from './timeline.js';

/** What the offline summary is written from: the briefing without its summary. */
export type ExtractiveInput = {
	actorName: string;
	stance: Stance;
	quotes: BriefingQuote[];
	claims: PairedClaim[];
	stanceChange: Briefing['stanceChange'];
};

const MAX_CITED = 5;
// Each side in words that hold for any topic: "oppose" may mean condemning the other side's conduct.
const SIDE: Record<Stance | 'none', string> = {
	oppose: 'opposed or critical',
	support: 'supportive',
	mixed: 'conditional or two-sided',
	neutral: 'factual or non-committal',
	none: 'factual or non-committal',
};
const ATTRIBUTED: Record<Stance, string> = {
	support: 'a supportive position',
	oppose: 'an opposing position',
	mixed: 'a conditional position',
	neutral: 'a position',
};

const count = (n: number) => (n === 1 ? 'One statement' : `${n} statements`);

function sideSegment(side: Stance | 'none', quotes: BriefingQuote[]): SummarySegment {
	const who = listNames(quotes.map((q) => speakerInProse(q.speaker)));
	const verb = quotes.length === 1 ? 'was' : 'were';
	return {
		text: `${count(quotes.length)} by ${who} ${verb} ${SIDE[side]}.`,
		citations: quotes.slice(0, MAX_CITED).map((q) => q.n),
	};
}

function changeSegment(input: ExtractiveInput): SummarySegment | null {
	const change = input.stanceChange;
	if (!change) return null;
	const from = input.quotes.find((q) => q.n === change.from);
	const to = input.quotes.find((q) => q.n === change.to);
	const fromDay = dayOf(from?.published);
	const toDay = dayOf(to?.published);
	if (!from?.stance || !to?.stance || !fromDay || !toDay) return null;
	return {
		text: `The position changed: ${SIDE[from.stance]} on ${formatDay(fromDay)}, ${SIDE[to.stance]} by ${formatDay(toDay)}.`,
		citations: [from.n, to.n],
	};
}

function claimsSegment(input: ExtractiveInput): SummarySegment | null {
	if (input.claims.length === 0) return null;
	const names = listNames(input.claims.map((c) => speakerInProse(c.speaker)));
	const who = names.charAt(0).toUpperCase() + names.slice(1);
	const stances = [...new Set(input.claims.map((c) => c.stance ?? 'neutral'))];
	const what = stances.length === 1 ? ATTRIBUTED[stances[0] as Stance] : 'positions';
	const denied = [...new Set(input.claims.flatMap((c) => c.deniedBy))];
	const contradiction = denied.length > 0 ? `; ${possessive(input.actorName)} own statements contradict it` : '';
	return {
		text: `${who} attributed ${what} to ${input.actorName}: their account, not ${possessive(input.actorName)} words${contradiction}.`,
		citations: [...input.claims.slice(0, MAX_CITED).map((c) => c.n), ...denied.slice(0, MAX_CITED)],
	};
}

/** The offline summary in parts: sentences by side, the change of position, and the claims by others. */
export type ExtractiveParts = { sides: SummarySegment[]; change: SummarySegment | null; claims: SummarySegment | null };

/**
 * The offline summary's parts: short neutral sentences grouping the actor's own quotes by side (the overall
 * stance's side first), a visible change of position, and claims by others kept apart from the actor's words.
 */
export function extractiveParts(input: ExtractiveInput): ExtractiveParts {
	const bySide = new Map<Stance | 'none', BriefingQuote[]>();
	for (const q of input.quotes) {
		const side = q.stance ?? 'none';
		bySide.set(side, [...(bySide.get(side) ?? []), q]);
	}
	const order: (Stance | 'none')[] = [input.stance, 'oppose', 'support', 'mixed', 'neutral', 'none'];
	const sides: SummarySegment[] = [];
	// "neutral" and "no stance" read the same to a user: one sentence for both.
	const quiet: BriefingQuote[] = [];
	for (const side of new Set(order)) {
		const quotes = bySide.get(side);
		if (!quotes) continue;
		if (side === 'neutral' || side === 'none') quiet.push(...quotes);
		else sides.push(sideSegment(side, quotes));
	}
	if (quiet.length > 0)
		sides.push(
			sideSegment(
				'neutral',
				quiet.sort((a, b) => a.n - b.n),
			),
		);
	return { sides, change: changeSegment(input), claims: claimsSegment(input) };
}

/** The offline summary: the parts above as one list of cited segments. */
export function extractiveSummary(input: ExtractiveInput): SummarySegment[] {
	const { sides, change, claims } = extractiveParts(input);
	return [...sides, change, claims].filter((s): s is SummarySegment => s !== null);
}
