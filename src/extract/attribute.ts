import { type Content, classify, hasFinite, isClause, skipLead, trailingQuote } from './content.js';
import { type Cue, findCues } from './cues.js';
import type { Doc, Token, Unit } from './doc.js';
import { STANCE_VERBS } from './lexicon.js';
import { phraseStartingAt } from './phrases.js';

/** Verbs whose object is nearly always a reported clause, so any clause-like continuation counts. */
const CLAUSE_VERBS = new Set(
	`say says said told tells added adds note notes noted claim claims claimed insist insists insisted argue argues
argued believe believes believed think thinks contend contends contended maintain maintains maintained assert asserts
asserted allege alleges alleged predict predicts predicted suggest suggests suggested acknowledge acknowledges
acknowledged admit admits admitted concede conceded warn warns warned stress stresses stressed explain explains
explained`.split(/\s+/),
);
/** Words that cannot open a reported clause without "that": relatives, prepositions, conjunctions, object pronouns. */
const NOT_CLAUSE_START =
	/^(who|whose|whom|which|where|while|and|or|but|for|about|of|on|in|at|with|by|to|from|during|after|before|us|him|them|me|into|over|against|toward|towards)$/;
/** Words that open an introduction, not a reported clause, when a sentence begins "…, X said". */
const INTRO_START =
	/^(when|while|if|after|before|although|though|as|because|since|once|asked|following|despite|in|on|at|during|with|without|to|shortly|upon|unlike|like|for|by)$/;

/** A statement the rules found in one sentence, before speaker resolution. */
export type Finding = { content: Content; cue: Cue; rule: string; confidence: number };

/** Whether the cue's clause begins right after it: a quotation, "that …", or a subject and verb. */
function opensClause(doc: Doc, cue: Cue, to: number): boolean {
	const { at, that } = skipLead(doc, cue.attrTo, to, cue.word);
	return that || (doc.tokens[at]?.quote ?? -1) >= 0 || isClause(doc, at, to);
}

/** Whether a cue closes its clause: "…, he said." or "…, he said, “…”". */
function closing(doc: Doc, cue: Cue, to: number): boolean {
	if (cue.side !== 'left' || cue.kind === 'according') return true;
	const { at } = skipLead(doc, cue.attrTo, to, cue.word);
	const t = doc.tokens[at];
	return at >= to || t === undefined || t.quote >= 0 || t.pos === 'PUNCT';
}

/** Cues that are not inside another cue's reported clause ("Trump said Putin told him …" has one). */
function topLevel(doc: Doc, unit: Unit, cues: Cue[]): Cue[] {
	const top: Cue[] = [];
	for (const c of cues) {
		const last = top.at(-1);
		if (last && c.attrFrom < last.attrTo) continue;
		if (last && !(c.commaLed && closing(doc, c, unit.to)) && opensClause(doc, last, unit.to)) continue;
		top.push(c);
	}
	return top;
}

function labelled(doc: Doc, cue: Cue, s: number, e: number): Finding | null {
	const { tokens, body } = doc;
	let k = s;
	const obj = phraseStartingAt(tokens, body, k, e);
	if (obj && (tokens[k]?.quote ?? -1) < 0) k = obj.to;
	while (k < e && /^(as|a|an|the|,)$/.test(tokens[k]?.lower ?? '')) k++;
	const content = (tokens[k]?.quote ?? -1) >= 0 ? classify(doc, k, e) : null;
	return content?.kind === 'direct' ? { content, cue, rule: 'direct-label', confidence: 0.8 } : null;
}

/** What a cue says after it, or null. */
function forward(doc: Doc, cue: Cue, s: number, e: number): Finding | null {
	if (e <= s) return null;
	if (cue.kind === 'label') return labelled(doc, cue, s, e);
	const { at, that } = skipLead(doc, s, e, cue.word);
	const trailing = that ? null : trailingQuote(doc, at, e);
	if (trailing !== null)
		return { content: { kind: 'direct', quotes: [trailing] }, cue, rule: 'direct-before', confidence: 0.85 };
	const content = classify(doc, at, e);
	if (content?.kind === 'direct') return { content, cue, rule: 'direct-before', confidence: 0.9 };
	if (!content) return null;
	const first = doc.tokens[content.from] as Token;
	const badStart = !that && first.quote < 0 && (NOT_CLAUSE_START.test(first.lower) || first.pos === 'ADP');
	const clause = !badStart && (isClause(doc, at, e) || (CLAUSE_VERBS.has(cue.word) && hasFinite(doc, at, e)));
	if (that || clause) {
		if (cue.kind === 'think' && cue.subject.kind === 'generic') return null;
		const rule =
			cue.kind === 'according'
				? 'according-to'
				: cue.side === 'main'
					? 'participle'
					: that
						? 'indirect-that'
						: 'indirect';
		return { content, cue, rule, confidence: that ? 0.85 : 0.75 };
	}
	if ((cue.kind === 'stance' || STANCE_VERBS.has(cue.word)) && cue.side === 'main' && cue.subject.kind !== 'generic') {
		const whole = classify(doc, cue.verb, e);
		if (whole?.kind === 'indirect') return { content: whole, cue, rule: 'stance-verb', confidence: 0.6 };
	}
	return null;
}

/** What a cue reports before it ("…, Peskov said"): a quotation or a clause. */
function backward(doc: Doc, cue: Cue, s: number, e: number): Finding | null {
	if (e <= s || cue.kind === 'label' || cue.kind === 'stance' || cue.kind === 'think') return null;
	if (!cue.commaLed) return null;
	const content = classify(doc, s, e);
	if (!content) return null;
	if (content.kind === 'direct') return { content, cue, rule: 'direct-after', confidence: 0.95 };
	if (cue.side === 'main') return null;
	const first = doc.tokens[content.from] as Token;
	if (INTRO_START.test(first.lower) || (first.pos === 'VERB' && /ed$/.test(first.lower))) return null;
	if (!isClause(doc, content.from, content.to) && !hasFinite(doc, content.from, content.to)) return null;
	return { content, cue, rule: cue.kind === 'according' ? 'according-to' : 'indirect-after', confidence: 0.8 };
}

/** The statements of one sentence: each cue takes the clause after it, or else the one before it. */
export function attributeUnit(doc: Doc, unit: Unit): { findings: Finding[]; cues: Cue[] } {
	const cues = topLevel(doc, unit, findCues(doc, unit));
	const findings: Finding[] = [];
	let consumed = unit.from;
	cues.forEach((cue, k) => {
		const next = cues[k + 1];
		const afterEnd = next ? next.attrFrom : unit.to;
		const fwd = forward(doc, cue, cue.attrTo, afterEnd);
		const commaAfter = doc.tokens[cue.attrTo]?.text === ',';
		const quotedAs = cue.side === 'main' && doc.tokens[cue.verb - 1]?.lower === 'as';
		if ((!fwd || commaAfter) && (cue.side !== 'main' || quotedAs)) {
			const back = backward(doc, cue, consumed, quotedAs ? cue.subject.from : cue.attrFrom);
			if (back) findings.push(back);
		}
		if (fwd) findings.push(fwd);
		consumed = fwd ? afterEnd : cue.attrTo;
	});
	return { findings, cues };
}
