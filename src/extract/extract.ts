import { attributeUnit, type Finding } from './attribute.js';
import type { ArticleText, Attribution } from './attribution.js';
import { analyse, type Doc, type Token, type Unit } from './doc.js';
import { enrichStatement } from './enrich.js';
import { dedupe, headingParagraphs, isTitleOrScare, standaloneQuotes } from './filters.js';
import { MentionTable, type Resolved } from './mentions.js';
import type { Statement } from './statement.js';
import { EXTRACTOR_VERSION } from './version.js';

type Speaker = Resolved & { asWritten: string; cue: string | null; para: number };

/** Statements in an article: rule-based attribution, then actor/topic/stance enrichment. */
export function extractStatements(article: ArticleText): Statement[] {
	return findAttributions(article.body).map((a) => enrichStatement(a, article, EXTRACTOR_VERSION));
}

function unitText(doc: Doc, unit: Unit): { context: string; contextStart: number } {
	const first = doc.tokens[unit.from] as Token;
	const last = doc.tokens[unit.to - 1] as Token;
	return { context: doc.body.slice(first.start, last.end), contextStart: first.start };
}

/** Quotes and reported clauses with resolved speakers; every quote is `body.slice(start, end)`. */
export function findAttributions(body: string): Attribution[] {
	const doc = analyse(body);
	const headings = headingParagraphs(doc);
	const mentions = new MentionTable(doc, headings);
	const out: Attribution[] = [];
	let last: Speaker | null = null;
	let orphan: { unit: Unit } | null = null;
	const emit = (
		spk: Speaker,
		unit: Unit,
		start: number,
		end: number,
		kind: 'direct' | 'indirect',
		rule: string,
		confidence: number,
	) => {
		if (end <= start) return;
		const weight = spk.kind === 'generic' ? 0.7 : spk.kind === 'role' ? 0.85 : 1;
		out.push({
			start,
			end,
			quote: body.slice(start, end),
			kind,
			speaker: spk.speaker,
			speakerAsWritten: spk.asWritten,
			speakerDescriptor: spk.descriptor,
			cue: spk.cue,
			...unitText(doc, unit),
			confidence: Math.round(confidence * weight * 100) / 100,
			rule,
		});
	};
	const emitContent = (spk: Speaker, unit: Unit, f: Pick<Finding, 'content' | 'rule' | 'confidence'>) => {
		const c = f.content;
		if (c.kind === 'indirect') {
			const from = doc.tokens[c.from] as Token;
			const to = doc.tokens[c.to - 1] as Token;
			emit(spk, unit, from.start, to.end, 'indirect', f.rule, f.confidence);
			return;
		}
		for (const qi of c.quotes) {
			const q = doc.quotes[qi];
			if (!q) continue;
			const text = body.slice(q.start, q.end);
			if (isTitleOrScare(text, f.rule === 'direct-label' ? 1 : 2)) continue;
			emit(spk, unit, q.start, q.end, 'direct', f.rule, f.confidence);
		}
	};
	for (const unit of doc.units) {
		if (headings.has(unit.para)) continue;
		const { findings, cues } = attributeUnit(doc, unit);
		const standalone = findings.length === 0 && cues.length === 0 ? standaloneQuotes(doc, unit) : [];
		if (standalone.length > 0) {
			// A quotation standing alone continues the speaker of the paragraph before or the one before that.
			const near = last && unit.para - last.para <= 2;
			const quotes = standalone;
			const longEnough = quotes.some((qi) => {
				const q = doc.quotes[qi];
				return q !== undefined && !isTitleOrScare(body.slice(q.start, q.end), 4);
			});
			// "Nigeria's envoy, Nkiruka Maduekwe, was even more direct: “…”": the person the sentence is about.
			const first = doc.tokens[unit.from] as Token;
			const own = first.quote < 0 ? mentions.subjectWithin(first.start, (doc.tokens[unit.to - 1] as Token).end) : null;
			const speaker = own ? { ...own, asWritten: own.speaker, cue: null, para: unit.para } : near ? last : null;
			if (speaker && longEnough)
				emitContent(speaker, unit, {
					content: { kind: 'direct', quotes },
					rule: own ? 'colon' : 'floating',
					confidence: 0.7,
				});
			else orphan = longEnough ? { unit } : null;
			continue;
		}
		for (const f of findings) {
			const subject = f.cue.subject;
			const at = (doc.tokens[subject.from] as Token).start;
			const resolved = mentions.resolve(subject, at);
			const spk: Speaker = resolved
				? { ...resolved, asWritten: subject.text, cue: f.cue.word, para: unit.para }
				: {
						speaker: subject.text,
						descriptor: null,
						kind: 'generic',
						asWritten: subject.text,
						cue: f.cue.word,
						para: unit.para,
					};
			if (!spk.descriptor && f.cue.apposition) spk.descriptor = f.cue.apposition;
			const confidence = resolved ? f.confidence : 0.4;
			emitContent(spk, unit, { ...f, confidence });
			if (resolved) mentions.noteSpeaker(resolved, at);
			last = spk;
		}
		// A speaker who says nothing we keep is still the person in focus for the next "he said".
		for (const cue of cues) {
			if (findings.some((f) => f.cue === cue) || cue.subject.kind === 'pronoun') continue;
			const at = (doc.tokens[cue.subject.from] as Token).start;
			const resolved = mentions.resolve(cue.subject, at);
			if (resolved) mentions.noteSpeaker(resolved, at);
		}
		// "“…?” Peskov asked." split by the sentence splitter: the attribution takes the quotation before it.
		const firstCue = cues[0];
		if (
			findings.length === 0 &&
			firstCue &&
			orphan &&
			orphan.unit.para === unit.para &&
			firstCue.attrFrom === unit.from
		) {
			const resolved = mentions.resolve(firstCue.subject, (doc.tokens[firstCue.attrFrom] as Token).start);
			if (resolved) {
				const spk: Speaker = { ...resolved, asWritten: firstCue.subject.text, cue: firstCue.word, para: unit.para };
				const quotes = [...new Set(doc.tokens.slice(orphan.unit.from, orphan.unit.to).map((t) => t.quote))].filter(
					(q) => q >= 0,
				);
				emitContent(spk, orphan.unit, { content: { kind: 'direct', quotes }, rule: 'direct-after', confidence: 0.9 });
				last = spk;
			}
		}
		if (findings.length > 0 || cues.length > 0) orphan = null;
	}
	return dedupe(out.map((a) => firstOccurrence(body, a)));
}

/** A quotation repeated earlier in the body (a pull quote, a standfirst) is cited where it first appears. */
function firstOccurrence(body: string, a: Attribution): Attribution {
	if (a.kind !== 'direct' || a.quote.length < 40) return a;
	const first = body.indexOf(a.quote);
	return first >= 0 && first < a.start ? { ...a, start: first, end: first + a.quote.length } : a;
}
