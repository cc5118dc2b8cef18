import { isClause } from './content.js';
import type { Cue } from './cues.js';
import type { Doc } from './doc.js';

// Words that open a new clause after a stance verb's object: "opposed the plan while Washington remains …".
const CLAUSE_LINK = /^(while|whereas|although|though|but|because|since|as|and|when|after|before|yet)$/;
// "While the Kremlin has opposed …, …": a concession sets the scene for the main clause; it is not said on record.
const CONCESSIVE = /^(while|whereas|although|though)$/;

/**
 * Where a stance verb's object ends: at a comma or semicolon outside quotes, or where a conjunction opens a clause
 * with its own subject and verb ("opposed the deployment while the administration remains committed …").
 */
export function stanceObjectEnd(doc: Doc, from: number, to: number): number {
	for (let k = from + 1; k < to; k++) {
		const t = doc.tokens[k];
		if (!t || t.quote >= 0) continue;
		if (t.text === ',' || t.text === ';') return k;
		if (CLAUSE_LINK.test(t.lower) && isClause(doc, k + 1, to)) return k;
	}
	return to;
}

/** Whether a stance verb's subject opens a concessive clause ("While/Although X opposed …"): background, not a statement. */
export function concessive(doc: Doc, cue: Cue): boolean {
	if (cue.side === 'main') return false;
	const before = doc.tokens[cue.subject.from - 1];
	return before !== undefined && CONCESSIVE.test(before.lower);
}
