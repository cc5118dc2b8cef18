import type { Cue, CueIndex, CueKind, CueTag, StanceLexicon } from './stance-lexicon.js';

type Side = 'support' | 'oppose';
/** A cue found in a text, where it stands, and what it counts for once the rules have read it in its clause. */
type Hit = {
	kind: CueKind | null;
	at: number;
	end: number;
	tags: Set<CueTag>;
	negated: boolean;
	clause: number;
	sentence: number;
	scale: number;
	side: Side | null;
	weight: number;
};

/** Cue weights found in a text, with negation scope and the clause rules applied. */
export type StanceEvidence = { support: number; oppose: number; condition: boolean; contrast: boolean };

const SENTENCE_END = /^[.;!?]$/;
const CLAUSE_END = /^[,:()—–]$/;
// How far a negator reaches: "not" turns the cues of the next five words, within the clause.
const SCOPE = 5;
// How far back a modal or "be" may stand for a negated transfer verb: "cannot be bought", "will never be sold".
const MODAL_REACH = 3;
// What a concession grants ("despite the progress, ...") is acknowledged, not the position: a quarter weight.
const CONCEDED = 0.25;
const other = (side: Side): Side => (side === 'support' ? 'oppose' : 'support');

/** The side and weight a cue counts for by itself, before the clause rules. */
function ownReading(cue: Cue<CueKind> | null, negated: boolean, modalBefore: () => boolean): [Side | null, number] {
	switch (cue?.kind) {
		case 'support':
		case 'oppose':
			return [negated ? other(cue.kind) : cue.kind, cue.weight];
		case 'regret':
			return [negated ? 'support' : 'oppose', cue.weight];
		// "cannot be bought", "will never be sold": refusing a transfer; a transfer stated plainly is no position.
		case 'transfer':
			return negated && modalBefore() ? ['oppose', cue.weight] : [null, 0];
		// The topic going ahead is a weak sign by itself ("would acquire it"); refusing it is a strong one.
		case 'event':
			return negated ? ['oppose', 2] : ['support', 1];
		// A call to undo the topic ("lift the sanctions", "halt the strikes") opposes it; ruling that out supports it.
		case 'undoing':
			return negated ? ['support', 1] : ['oppose', cue.weight];
		// A claim of one's own takes a side only when defended (readSovereignty).
		case 'sovereignty':
			return [null, cue.weight];
		default:
			return [null, 0];
	}
}

/** Finds the cues of a text, clause by clause; structural words (negators, turns, concessions) shape the rest. */
function scan(tokens: string[], lex: StanceLexicon, topic: CueIndex<CueKind> | null) {
	const hits: Hit[] = [];
	const state = { condition: false, contrast: false };
	let clause = 0;
	let sentence = 0;
	let negatedUntil = -1;
	// What follows "but" is the point the speaker lands on: its cues count double.
	let emphasis = 1;
	let concession = false;
	let reported = false;
	const modal = lex.tags.get('modal');
	for (let i = 0; i < tokens.length; ) {
		const t = tokens[i] ?? '';
		if (SENTENCE_END.test(t) || CLAUSE_END.test(t)) {
			clause++;
			if (SENTENCE_END.test(t)) {
				sentence++;
				reported = false;
			}
			negatedUntil = -1;
			concession = false;
			i++;
			continue;
		}
		const generic = lex.cues.at(tokens, i);
		const own = topic?.at(tokens, i) ?? null;
		// A topic's own phrase wins over a generic cue of the same length: on a sanctions topic, "sanctions" is the matter.
		const cue = own && (!generic || own.words.length >= generic.words.length) ? own : generic;
		const negated = i <= negatedUntil;
		const len = cue?.words.length ?? 1;
		const kind = cue?.kind ?? null;
		if (kind === 'negator') negatedUntil = negated ? -1 : i + len + SCOPE - 1;
		// "no longer tying X to Y", "without preconditions": a condition dropped is a step toward the topic.
		else if (kind === 'condition' && negated) {
			const at = { at: i, end: i + len, tags: new Set<CueTag>(), negated, clause, sentence };
			hits.push({ ...at, kind: null, scale: 1, side: 'support', weight: 1 });
		} else if (kind === 'condition') state.condition = true;
		else if (kind === 'contrast') {
			state.contrast = true;
			negatedUntil = -1;
			emphasis = 2;
		} else if (kind === 'concession') concession = true;
		// "..., in response to the president, who said the US would acquire it": a third party's words, not the speaker's.
		else if (kind === 'reported') reported = true;
		else if (!reported) {
			const tags = new Set<CueTag>();
			for (const [tag, index] of lex.tags) if (tag !== 'modal' && index.at(tokens, i)) tags.add(tag);
			const modalBefore = () =>
				[...Array(MODAL_REACH).keys()].some((k) => i - 1 - k >= 0 && (modal?.at(tokens, i - 1 - k) ?? null) !== null);
			// A subject word is the topic's matter ("sanctions"); alone it keeps its generic reading.
			const [side, weight] = ownReading(kind === 'subject' ? generic : cue, negated, modalBefore);
			if (cue || tags.size) {
				const scale = emphasis * (concession ? CONCEDED : 1);
				hits.push({ kind, at: i, end: i + len, tags, negated, clause, sentence, scale, side, weight });
			}
		}
		i += len;
	}
	return { hits, ...state };
}

/**
 * Regret at a failed agreement is support for it: "it is a pity that we did not sign", "regrettably, the talks
 * failed to reach a deal". The regret and the negated or failed agreement words count as one support cue.
 */
function readRegret(hits: Hit[]): void {
	for (const r of hits.filter((h) => h.kind === 'regret' && !h.negated)) {
		const after = hits.filter((h) => h.sentence === r.sentence && h.at > r.at);
		// "failed to reach a deal", "the deal collapsed": a failure word just before or after the agreement word.
		const failedNear = (a: Hit) =>
			after.some(
				(f) => f.tags.has('failure') && ((f.at < a.at && a.at - f.end <= 2) || (f.at > a.at && f.at - a.end <= 3)),
			);
		const failed = after.filter((a) => a.tags.has('accord') && (a.negated || failedNear(a)));
		const first = failed[0];
		if (!first) continue;
		r.weight = 0;
		for (const h of after) {
			if ((h.kind === 'support' && h.negated) || h.tags.has('failure') || failed.includes(h)) h.weight = 0;
		}
		first.side = 'support';
		first.weight = 2;
	}
}

/** "protect our rights", "defend our sovereignty": asserting one's own claim opposes the other side's. */
function readSovereignty(hits: Hit[]): void {
	for (const s of hits.filter((h) => h.kind === 'sovereignty')) {
		const defend = hits.find((d) => d.clause === s.clause && d.at < s.at && d.tags.has('defend') && !d.negated);
		if (!defend) continue;
		defend.weight = 0;
		s.side = 'oppose';
	}
}

// How far a cue may stand from a topic phrase to be about it: a verb before its object ("welcomed the halt"),
// a predicate after its subject ("the lifting of sanctions is welcome").
const GOVERNS_BEFORE = 6;
const GOVERNS_AFTER = 3;

/**
 * Cues next to the topic's event or its undoing are about that: "we reject the lifting of sanctions" supports the
 * sanctions, "we welcome the halt to strikes" opposes the strikes. A topic phrase counts by itself only when no
 * cue is next to it (an event stated plainly, only when nothing in the sentence takes a side). The topic's
 * subject words ("sanctions") are no cue in a clause with such a phrase.
 */
function readTopicPhrases(hits: Hit[]): void {
	const topical = hits.filter((h) => h.kind === 'event' || h.kind === 'undoing');
	const clauses = new Set(topical.map((h) => h.clause));
	for (const h of hits) if (h.kind === 'subject' && clauses.has(h.clause)) h.weight = 0;
	const sided = (h: Hit) => !topical.includes(h) && h.side !== null && h.weight > 0;
	const flipped = new Set<Hit>();
	for (const t of topical) {
		const near = hits.filter(
			(h) =>
				h.clause === t.clause &&
				sided(h) &&
				((t.at >= h.end && t.at - h.end <= GOVERNS_BEFORE) || (h.at >= t.end && h.at - t.end <= GOVERNS_AFTER)),
		);
		if (near.length > 0) {
			t.weight = 0;
			for (const h of t.kind === 'undoing' ? near : []) {
				if (flipped.has(h)) continue;
				flipped.add(h);
				h.side = other(h.side as Side);
			}
		} else if (t.kind === 'event' && !t.negated && hits.some((h) => h.sentence === t.sentence && sided(h))) {
			t.weight = 0;
		}
	}
}

/** Reads the cues of a text: support and oppose weights after negation and the clause rules, conditions, turns. */
export function readEvidence(tokens: string[], lex: StanceLexicon, topic: CueIndex<CueKind> | null): StanceEvidence {
	const { hits, condition, contrast } = scan(tokens, lex, topic);
	readRegret(hits);
	readSovereignty(hits);
	readTopicPhrases(hits);
	const ev: StanceEvidence = { support: 0, oppose: 0, condition, contrast };
	for (const h of hits) if (h.side) ev[h.side] += h.weight * h.scale;
	return ev;
}
