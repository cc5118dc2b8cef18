import type { Statement } from './statement.js';

// Two spans are one statement when they share at least half of the shorter one.
const SAME_STATEMENT_OVERLAP = 0.5;

function overlaps(a: Statement, b: Statement): boolean {
	const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
	return shared > 0 && shared >= SAME_STATEMENT_OVERLAP * Math.min(a.end - a.start, b.end - b.start);
}

function surname(name: string): string {
	return name.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
}

function sameSpeaker(a: Statement, b: Statement): boolean {
	return surname(a.speaker) !== '' && surname(a.speaker) === surname(b.speaker);
}

// The winner keeps its own values; it borrows only what it lacks, and only from the same speaker's reading.
function fill(winner: Statement, other: Statement): Statement {
	if (!sameSpeaker(winner, other)) return winner;
	return {
		...winner,
		speakerRole: winner.speakerRole ?? other.speakerRole,
		actor: winner.actor ?? other.actor,
		aboutActor: winner.aboutActor ?? other.aboutActor,
		topic: winner.topic ?? other.topic,
		stance: winner.stance ?? other.stance,
	};
}

/**
 * Merges rule and Claude statements: spans that overlap are one statement, and the more confident reading wins
 * (the rules on a tie); a Claude statement the rules missed is added. Sorted by position in the body.
 */
export function mergeStatements(rules: Statement[], claude: Statement[]): Statement[] {
	const result = [...rules];
	const added: Statement[] = [];
	for (const c of [...claude].sort((a, b) => b.confidence - a.confidence)) {
		if (added.some((a) => overlaps(a, c))) continue;
		const rivals = result.filter((r) => overlaps(r, c));
		added.push(c);
		if (rivals.length === 0) {
			result.push(c);
			continue;
		}
		const best = rivals.reduce((a, b) => (b.confidence > a.confidence ? b : a));
		if (c.confidence > best.confidence) {
			for (const r of rivals) result.splice(result.indexOf(r), 1);
			result.push(fill(c, best));
		} else {
			result[result.indexOf(best)] = fill(best, c);
		}
	}
	return result.sort((a, b) => a.start - b.start || a.end - b.end);
}
