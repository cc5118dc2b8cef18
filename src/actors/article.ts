import { type ActorMention, scanMentions } from './mentions.js';
import { normaliseName, tokenize } from './normalise.js';
import { registry } from './registry.js';
import { type ResolvedSpeaker, resolveSpeaker } from './speaker.js';

const CLAUSE_END = /[,;:.!?“”"()\n]/;

/** The clause segments touching a name: the title before it, and appositions before or after it. */
function segmentsAround(body: string, start: number, end: number): string[] {
	let a = start;
	while (a > 0 && !CLAUSE_END.test(body.charAt(a - 1))) a--;
	const out = [body.slice(a, start)];
	// "Sierra Leone's climate minister, Jiwoh Abdulai, said"
	if (body.charAt(a - 1) === ',' && body.slice(a, start).trim() === '') {
		let b = a - 1;
		while (b > 0 && !CLAUSE_END.test(body.charAt(b - 1))) b--;
		out.push(body.slice(b, a - 1));
	}
	// "said Tina Stege, Marshall Islands climate envoy."
	if (body.charAt(end) === ',') {
		let c = end + 1;
		while (c < body.length && !CLAUSE_END.test(body.charAt(c))) c++;
		out.push(body.slice(end + 1, c));
	}
	return out;
}

/** An institution the speaker's words name without a state ("Defense Ministry", "Coast Guard spokesperson"). */
function bareInstitution(text: string): string | null {
	const tokens = tokenize(text);
	for (let i = 0; i < tokens.length; i++) {
		for (let n = Math.min(registry.nounMaxTokens, tokens.length - i); n >= 1; n--) {
			const key = tokens
				.slice(i, i + n)
				.map((t) => t.norm)
				.join(' ');
			const noun = registry.nouns.get(key);
			if (noun && !noun.collective) return normaliseName(noun.name);
		}
	}
	return null;
}

const nearest = (mentions: ActorMention[]) => mentions.find((m) => m.kind !== 'surname') ?? null;

// Enrichment asks about one article many times in a row: keep the last body's institution mentions.
let lastBody = '';
let lastInstitutions: ActorMention[] = [];
const lastAnswers = new Map<string, ResolvedSpeaker>();
function institutionsIn(body: string): ActorMention[] {
	if (body !== lastBody) {
		lastInstitutions = scanMentions(registry, body).filter((m) => m.kind === 'institution');
		lastAnswers.clear();
		lastBody = body;
	}
	return lastInstitutions;
}

/**
 * Resolves a speaker with the article's help when the name and title alone name no actor: the title or apposition
 * beside the name in the body ("Sierra Leone's climate minister, Jiwoh Abdulai"), or the state whose institution the
 * body names in full ("Defense Ministry" after "Russia's Defense Ministry").
 */
export function resolveSpeakerInArticle(
	speaker: string,
	descriptor: string | null,
	body: string,
	date?: string | null,
): ResolvedSpeaker {
	const resolved = resolveSpeaker(speaker, descriptor, date);
	if (resolved.actor) return resolved;
	institutionsIn(body);
	const key = `${speaker}\u0000${descriptor ?? ''}`;
	const known = lastAnswers.get(key);
	if (known) return known;
	const answer = fromArticle(resolved, speaker, descriptor, body);
	lastAnswers.set(key, answer);
	return answer;
}

function fromArticle(
	resolved: ResolvedSpeaker,
	speaker: string,
	descriptor: string | null,
	body: string,
): ResolvedSpeaker {
	const noun = bareInstitution(`${descriptor ?? ''} ${speaker}`);
	if (noun) {
		const full = institutionsIn(body).find((m) => normaliseName(m.speaker).endsWith(noun));
		if (full) {
			const isInstitution = bareInstitution(speaker) === noun;
			return { ...resolved, speaker: isInstitution ? full.speaker : resolved.speaker, actor: full.actor.name };
		}
	}
	const name = speaker.trim();
	// Only a full personal name ("Tina Stege") is safe to look up in the body: "United" or "He" are not names.
	const words = name.split(/\s+/);
	if (noun || words.length < 2 || words.length > 5 || !words.every((w) => /^\p{Lu}/u.test(w))) return resolved;
	for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + name.length)) {
		for (const segment of segmentsAround(body, at, at + name.length)) {
			const m = nearest(scanMentions(registry, segment));
			if (m) return { ...resolved, actor: m.actor.name, role: resolved.role ?? segment.trim() };
		}
	}
	return resolved;
}
