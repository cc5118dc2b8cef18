import type { Stance } from '../extract/statement.js';
import type { BriefingQuote } from './briefing.js';

/** A claim by others about the actor, with the actor's own quotes (by number) that deny or contradict it. */
export type PairedClaim = BriefingQuote & { deniedBy: number[] };

const OPPOSITE: Partial<Record<Stance, Stance>> = { support: 'oppose', oppose: 'support' };
const MAX_DENIALS = 3;

/**
 * Pairs each claim about the actor with the actor's own quotes that take the opposite side on the same
 * topic: quotes from the same article first (the usual "X said…; the Kremlin denied it" report), then others.
 * Claims never enter the stance; this only shows the reader where the actor's words and the claim disagree.
 */
export function pairDenials(
	claims: BriefingQuote[],
	own: BriefingQuote[],
	articleOf: Map<number, number>,
): PairedClaim[] {
	return claims.map((claim) => {
		const opposite = claim.stance ? OPPOSITE[claim.stance] : undefined;
		if (!opposite) return { ...claim, deniedBy: [] };
		const sameTopic = (q: BriefingQuote) => !claim.topic || !q.topic || q.topic === claim.topic;
		const candidates = own.filter((q) => q.stance === opposite && sameTopic(q));
		const claimArticle = articleOf.get(claim.statementId);
		const sameArticle = candidates.filter((q) => articleOf.get(q.statementId) === claimArticle);
		const rest = candidates.filter((q) => articleOf.get(q.statementId) !== claimArticle);
		return { ...claim, deniedBy: [...sameArticle, ...rest].slice(0, MAX_DENIALS).map((q) => q.n) };
	});
}
