import {
	afterDateline,
	CLAUSE_VERBS,
	INTRO_START,
	NOT_CLAUSE_START,
	OBJECT_PRONOUN,
	PARTICIPLE_OPENER,
} from './clause-starts.js';
import { type Content, classify, hasFinite, isClause, skipLead, trailingQuote } from './content.js';
import { type Cue, findCues } from './cues.js';
import type { Doc, Token, Unit } from './doc.js';
import { isTitleOrScare } from './filters.js';
import { STANCE_VERBS } from './lexicon.js';
import { phraseStartingAt } from './phrases.js';
import { concessive, stanceObjectEnd } from './stance-object.js';

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
	const { at, afterComma } = skipLead(doc, cue.attrTo, to, cue.word);
	const t = doc.tokens[at];
	// "…, the ministry announced Friday, the first such exchange …": what follows the comma is an aside.
	return afterComma || at >= to || t === undefined || t.quote >= 0 || t.pos === 'PUNCT';
}

/** Cues that are not inside another cue's reported clause ("Trump said Putin told him …" has one). */
function topLevel(doc: Doc, unit: Unit, cues: Cue[]): Cue[] {
	const top: Cue[] = [];
	for (const c of cues) {
		const last = top.at(-1);
		if (last && c.attrFrom < last.attrTo) continue;
		// "…, but Israel said …": a coordinated clause with its own speaker, not part of the first one.
		const coordinated =
			/^(but|while|whereas)$/.test(doc.tokens[c.attrFrom - 1]?.lower ?? '') && doc.tokens[c.attrFrom - 2]?.text === ',';
		if (last && !coordinated && !(c.commaLed && closing(doc, c, unit.to)) && opensClause(doc, last, unit.to)) continue;
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
function forward(doc: Doc, cue: Cue, s: number, e: number, nextCue?: Cue): Finding | null {
	if (e <= s) return null;
	if (cue.kind === 'label') return labelled(doc, cue, s, e);
	const { at, that, afterComma } = skipLead(doc, s, e, cue.word);
	// After "said Paul Gatza, director of …" come appositions and relative clauses, not what he said.
	const inverted = cue.side === 'right' && cue.kind !== 'according';
	if (inverted && !that && (doc.tokens[at]?.quote ?? -1) < 0) return null;
	const trailing = that ? null : trailingQuote(doc, at, e);
	if (trailing !== null)
		return { content: { kind: 'direct', quotes: [trailing] }, cue, rule: 'direct-before', confidence: 0.85 };
	const content = classify(doc, at, e);
	if (content?.kind === 'direct') {
		// "said on CBS' “Face the Nation.”": a programme title, not a quotation.
		const titles = content.quotes.every((q) => {
			const span = doc.quotes[q];
			return span !== undefined && isTitleOrScare(doc.body.slice(span.start, span.end), 2);
		});
		return titles ? null : { content, cue, rule: 'direct-before', confidence: 0.9 };
	}
	if (!content) return null;
	const first = doc.tokens[content.from] as Token;
	const next = doc.tokens[content.from + 1];
	const participleOpener = PARTICIPLE_OPENER.test(first.lower) && next !== undefined && /ing$/.test(next.lower);
	const badStart =
		!that &&
		first.quote < 0 &&
		(NOT_CLAUSE_START.test(first.lower) ||
			OBJECT_PRONOUN.test(first.text) ||
			(first.pos === 'ADP' &&
				!/^(while|if|as|because|although|since|after|before|when|once|unless)$/.test(first.lower)) ||
			participleOpener);
	// "said the UN agreement deals with …": the tagger misses the verb, but a said-verb and a noun phrase suffice.
	const wordCount = doc.tokens.slice(content.from, content.to).filter((t) => t.pos !== 'PUNCT').length;
	// "eyes welling up with tears", "his voice breaking": a noun and a participle, not a clause.
	const earlyIng = [1, 2].some((k) => {
		const t = doc.tokens[content.from + k];
		const before = doc.tokens[content.from + k - 1];
		return t !== undefined && t.pos === 'VERB' && /ing$/.test(t.lower) && before?.pos === 'NOUN';
	});
	const nounStart =
		/^(DET|PROPN|NOUN|PRON|ADJ)$/.test(first.pos) &&
		wordCount >= 6 &&
		!earlyIng &&
		doc.tokens[s]?.text !== ',' &&
		/^(said|says|say|told|tells)$/.test(cue.word);
	// "They added another goal": "add" needs a real clause, not just a verb somewhere after it.
	const loose = CLAUSE_VERBS.has(cue.word) && !/^add/.test(cue.word) && (hasFinite(doc, at, e) || nounStart);
	// "The drugs have a limited set of uses, he says, and are mostly meant …": the clause resumes after the cue.
	const resumes =
		cue.side === 'left' &&
		cue.commaLed &&
		doc.tokens[s]?.text === ',' &&
		!/^(who|whose|which|where|though|although|while)$/.test(first.lower) &&
		!(first.pos === 'VERB' && /ing$/.test(first.lower));
	const resumed = resumes && (hasFinite(doc, at, e) || wordCount >= 4);
	// "asked if …" is a question, not a statement.
	const question = /^(ask|asks|asked|wonder|wonders|wondered)$/.test(cue.word) && /^(if|whether)$/.test(first.lower);
	// "According to him, the situation … got out of control": after "according to", any clause.
	const sourced =
		cue.kind === 'according' &&
		!/^(which|who|whose|that)$/.test(first.lower) &&
		(hasFinite(doc, at, e) || (interrupting(doc, cue) && wordCount >= 2));
	// A stance verb takes a noun phrase ("opposed the deployment"), or a clause only after "that".
	const clause =
		cue.kind !== 'stance' &&
		!question &&
		(resumed || sourced || (!badStart && !afterComma && (isClause(doc, at, e) || loose)));
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
	// "Beijing rejected the accusations": a position stated without a reported clause.
	// "rejected the plan, saying …": the participle's clause states the position.
	const explained = nextCue?.side === 'main';
	const named = (cue.subject.kind === 'person' || cue.subject.kind === 'org') && !explained;
	if ((cue.kind === 'stance' || STANCE_VERBS.has(cue.word)) && (cue.side === 'main' || named)) {
		if (concessive(doc, cue)) return null;
		// The position ends with its clause: "opposed the deployment, the administration …" stops at the comma.
		const whole = classify(doc, cue.verb, stanceObjectEnd(doc, cue.verb, e));
		const size = whole?.kind === 'indirect' ? whole.to - whole.from : 0;
		if (whole?.kind === 'indirect' && size >= 3)
			return { content: whole, cue, rule: 'stance-verb', confidence: cue.side === 'main' ? 0.6 : 0.5 };
	}
	return null;
}

/**
 * What a cue reports before it ("…, Peskov said"): a quotation or a clause. When the cue also has a clause after
 * it (`split`), the part before must be a quotation or a clause of its own, not an introduction ("When asked, …").
 */
/** Whether the attribution sits between commas inside its sentence: "…, he says, …", "…, according to X, …". */
function interrupting(doc: Doc, cue: Cue): boolean {
	return doc.tokens[cue.attrFrom - 1]?.text === ',' && doc.tokens[cue.attrTo]?.text === ',';
}

function backward(doc: Doc, cue: Cue, s: number, e: number, split: boolean, to: number): Finding | null {
	if (e <= s || cue.kind === 'label' || cue.kind === 'stance' || cue.kind === 'think') return null;
	if (!cue.commaLed) return null;
	const content = classify(doc, afterDateline(doc, s, e), e);
	if (!content) return null;
	if (content.kind === 'direct') return { content, cue, rule: 'direct-after', confidence: 0.95 };
	if (cue.side === 'main' || !(split || closing(doc, cue, to) || doc.tokens[cue.attrTo]?.text === ',')) return null;
	const first = doc.tokens[content.from] as Token;
	if (first.pos === 'VERB' && /ed$/.test(first.lower)) return null;
	if (split ? INTRO_START.test(first.lower) : first.pos === 'SCONJ' || /^(when|while|if|asked)$/.test(first.lower))
		return null;
	const long = content.to - content.from >= 6;
	// "Some of those concerns, according to experts, include …": an interrupted sentence keeps both halves.
	const half = interrupting(doc, cue) && content.to - content.from >= 2;
	if (
		!half &&
		!isClause(doc, content.from, content.to) &&
		!hasFinite(doc, content.from, content.to) &&
		(split || !long)
	)
		return null;
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
		const fwd = forward(doc, cue, cue.attrTo, afterEnd, next);
		const commaAfter = doc.tokens[cue.attrTo]?.text === ',';
		const quotedAs = cue.side === 'main' && doc.tokens[cue.verb - 1]?.lower === 'as';
		if ((!fwd || commaAfter) && (cue.side !== 'main' || quotedAs)) {
			const back = backward(doc, cue, consumed, quotedAs ? cue.subject.from : cue.attrFrom, fwd !== null, afterEnd);
			if (back) findings.push(back);
		}
		if (fwd) findings.push(fwd);
		consumed = fwd ? afterEnd : cue.attrTo;
	});
	return { findings, cues };
}
