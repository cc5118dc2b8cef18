import { type ActorMention, scanMentions } from '../actors/mentions.js';
import { type Token, tokenize } from '../actors/normalise.js';
import { registry } from '../actors/registry.js';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

// A mention after one of these is an object or a modifier ("talks with Russia"), never the holder of a position.
const PREPOSITIONS = words(`of to with from by on in at for about against between into onto over under toward towards
	among amid via than like upon within without across through behind beyond including despite per whom which whose`);
// Nouns that keep a state mention the head of its subject: "the Russian leader", "Philippine military's Western Command".
const HOLDER_NOUNS =
	words(`leader leaders leadership president prime minister ministers government authorities officials
	official side military army command forces administration regime ministry embassy envoy delegation diplomats
	diplomat spokesperson spokesman spokeswoman representative representatives negotiators people state chief head
	foreign defence defense affairs national security council deputy secretary general special coast guard navy cabinet`);
const SKIP_BEFORE_VERB =
	words(`do does did had has have would will might may could can should is was are were be been being not no
	longer also still already now reportedly allegedly apparently directly never even just clearly privately publicly
	early late later earlier this last next year month week day today yesterday recently previously then both`);
// Predicates that state a holder's position: what they accept, want, refuse, say, or are ready for.
const POSITION =
	words(`accept accepts accepted accepting agree agrees agreed agreeing want wants wanted wanting wish wishes
	wished support supports supported supporting back backs backed backing oppose opposes opposed opposing object objects
	objected reject rejects rejected rejecting refuse refuses refused refusing favour favours favoured favor favors
	favored welcome welcomes welcomed intend intends intended plan plans planned planning prepare prepares prepared
	preparing seek seeks sought seeking push pushes pushed pushing press presses pressed pressing insist insists insisted
	demand demands demanded tie ties tied tying link links linked linking abandon abandoned encourage encouraged
	encouraging urge urged urging suggest suggests suggested signal signals signalled signaled indicate indicates
	indicated say says said tell told confirm confirms confirmed approve approves approved consent consented commit
	commits committed interested ready willing keen eager determined unwilling reluctant aim aims aimed hope hopes
	hoped expect expects expected consider considers considered regard regards regarded believe believes believed
	objection objections problem intention intentions`);
// "had shown no objections", "expressed willingness": a position stated through its noun.
const DISPLAY = words(`shown showed show shows expressed expresses voiced voices signalled signaled indicated`);
const DENIALS = words(`deny denies denied denying dismiss dismisses dismissed dismissing refute refutes refuted reject
	rejects rejected rejecting`);
const PRONOUNS = words(`he she they`);

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.raw);

/** Index just past the holder's noun phrase: titles, names, possessive heads, and a comma-delimited apposition. */
function endOfHolder(text: string, tokens: Token[], m: ActorMention): number {
	let j = m.to;
	while (j < tokens.length && j - m.to < 6) {
		const t = tokens[j] as Token;
		const gap = text.slice((tokens[j - 1] as Token).end, t.start);
		if (/^,\s*$/.test(gap) && j === m.to) break;
		if (gap.trim() !== '' && !/^['’]s?$/.test(gap.trim())) break;
		if (!(isCapitalised(t) || HOLDER_NOUNS.has(t.norm))) break;
		j++;
	}
	// "Vladimir Putin, the Russian leader, had agreed": skip an apposition.
	const last = tokens[j - 1] as Token;
	const end = /^\s*,/.test(text.slice(last.end)) ? appositionEnd(text, tokens, j) : -1;
	return end > 0 ? end : j;
}

/** Does a position predicate start at token j (after auxiliaries, modals and negation)? */
function positionAt(tokens: Token[], j: number): boolean {
	let k = j;
	while (k < tokens.length && SKIP_BEFORE_VERB.has((tokens[k] as Token).norm) && k - j < 5) k++;
	const verb = tokens[k]?.norm ?? '';
	if (POSITION.has(verb)) return true;
	if (DISPLAY.has(verb))
		return ['no', 'willingness', 'support', 'readiness', 'interest', 'opposition', 'objection', 'objections'].includes(
			tokens[k + 1]?.norm ?? '',
		);
	// "had held meetings with Europeans and encouraged them": a second verb joined by "and".
	for (let n = k + 1; n < Math.min(tokens.length, k + 8); n++) {
		if (tokens[n]?.norm === 'and' && POSITION.has(tokens[n + 1]?.norm ?? '')) return true;
	}
	return false;
}

/** Is the mention where a subject stands: not after a preposition, not joined to the speaker's own side? */
function inSubjectPosition(tokens: Token[], mentions: ActorMention[], m: ActorMention, own: string | null): boolean {
	let i = m.from - 1;
	while (i >= 0 && ['the', 'a', 'an', 'both'].includes((tokens[i] as Token).norm)) i--;
	const before = tokens[i];
	if (!before) return true;
	if (before.possessive || PREPOSITIONS.has(before.norm)) return false;
	if (before.norm === 'and' || before.norm === 'or') {
		const partner = mentions.find((p) => p.to === i);
		if (partner) return partner.actor.name !== own && inSubjectPosition(tokens, mentions, partner, own);
	}
	return true;
}

/** Index just past a comma-delimited apposition opening at token j, or -1. */
function appositionEnd(text: string, tokens: Token[], j: number): number {
	for (let k = j; k < Math.min(tokens.length - 1, j + 12); k++) {
		const between = text.slice((tokens[k] as Token).end, (tokens[k + 1] as Token).start);
		if (between.includes(',')) return k + 1;
		if (/[.;:!?]/.test(between)) return -1;
	}
	return -1;
}

// "Dmitry Kozak, Deputy Head of the Russian Presidential Administration, had held ...": an unlisted person whose
// apposition names the actor they act for.
function namedByApposition(text: string, tokens: Token[], mentions: ActorMention[], own: string | null) {
	for (let i = 0; i < tokens.length; i++) {
		const clauseStart = i === 0 || tokens[i - 1]?.norm === 'that';
		if (!clauseStart) continue;
		let j = i;
		const joined = (k: number) =>
			k === i || /^\s*$/.test(text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start));
		while (j < tokens.length && isCapitalised(tokens[j] as Token) && joined(j) && j - i < 4) j++;
		const last = tokens[j - 1];
		if (j - i < 2 || !last || !/^\s*,/.test(text.slice(last.end))) continue;
		const end = appositionEnd(text, tokens, j);
		const m = mentions.find((x) => x.from >= j && x.to <= end);
		if (end > 0 && m && m.actor.name !== own && positionAt(tokens, end)) return m;
	}
	return null;
}

/** The first other actor that a text presents as holding a position ("Russia would accept ..."), or null. */
export function positionHolder(text: string, own: string | null): ActorMention | null {
	const tokens = tokenize(text);
	const mentions = scanMentions(registry, text, tokens);
	const apposed = namedByApposition(text, tokens, mentions, own);
	if (apposed) return apposed;
	for (const m of mentions) {
		if (m.actor.name === own) continue;
		if (
			tokens[m.to - 1]?.possessive &&
			!HOLDER_NOUNS.has(tokens[m.to]?.norm ?? '') &&
			!isCapitalised(tokens[m.to] as Token)
		)
			continue;
		if (!inSubjectPosition(tokens, mentions, m, own)) continue;
		// "Russia and Ukraine agreed": the predicate follows the last of the joined holders.
		let end = endOfHolder(text, tokens, m);
		let joined = mentions.find((x) => ['and', 'or'].includes(tokens[end]?.norm ?? '') && x.from === end + 1);
		while (joined) {
			if (joined.actor.name === own) break;
			end = endOfHolder(text, tokens, joined);
			const next = end;
			joined = mentions.find((x) => ['and', 'or'].includes(tokens[next]?.norm ?? '') && x.from === next + 1);
		}
		if (joined) continue;
		if (positionAt(tokens, end)) return m;
	}
	return null;
}

/** A statement to check for a claim about another actor. */
export type ClaimInput = {
	quote: string;
	context: string;
	kind: 'direct' | 'indirect';
	cue: string | null;
	actor: string | null;
};

/**
 * The other actor whose position a statement reports ("Trump said Putin had no objection" → Russia), or null when
 * the statement is the speaker's own position. Denials are statements of their own. In a direct quote, "he will
 * accept that" refers to the holder the surrounding sentence names ("declared that Russia would accept").
 */
export function detectAboutActor(s: ClaimInput): string | null {
	// With no known actor for the speaker there is no "other" actor to tell apart.
	if (!s.actor) return null;
	if (s.cue && DENIALS.has(s.cue.toLowerCase().split(/\s+/)[0] ?? '')) return null;
	const holder = positionHolder(s.quote, s.actor);
	if (holder) return holder.actor.name;
	if (s.kind !== 'direct') return null;
	const first = tokenize(s.quote).slice(0, 4);
	const pronoun = first.findIndex((t) => PRONOUNS.has(t.norm));
	if (pronoun < 0 || !positionAt(first.length ? tokenize(s.quote) : [], pronoun + 1)) return null;
	const at = s.context.indexOf(s.quote);
	return at > 0 ? (positionHolder(s.context.slice(0, at), s.actor)?.actor.name ?? null) : null;
}
