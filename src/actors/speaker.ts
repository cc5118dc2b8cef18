import { firstNameGender } from './first-names.js';
import type { Person } from './load.js';
import { aliasKey } from './load.js';
import type { ActorMention } from './mentions.js';
import { type Token, tokenize } from './normalise.js';
import { findActorMentions, registry } from './registry.js';

// Words of a title before a name: "Foreign Minister Jordan" is no one's name.
const TITLE_WORDS = new Set(
	'president minister prime foreign secretary ambassador envoy spokesperson spokesman spokeswoman chancellor king queen general leader head chief deputy state affairs'.split(
		' ',
	),
);

/** A speaker as the product shows it: normalised name or institution, role, and the actor spoken for. */
export type ResolvedSpeaker = { speaker: string; role: string | null; actor: string | null };

/** The role a person held on a date (YYYY-MM-DD), or their latest role when the date is unknown. */
export function roleAt(person: Person, date?: string | null) {
	const roles = person.roles;
	if (date) {
		const held = roles.find((r) => (!r.from || r.from <= date) && (!r.to || date.slice(0, r.to.length) <= r.to));
		if (held) return held;
	}
	return [...roles].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0] ?? null;
}

const fromPerson = (person: Person, date?: string | null): ResolvedSpeaker => {
	const role = roleAt(person, date);
	return { speaker: person.name, role: role?.role ?? null, actor: role?.actor ?? person.actor };
};

// Words after a place that name an outlet or a body, not a surname: "China Daily", "Moscow Times".
const NOT_SURNAME = new Set(
	'daily today times post news herald tribune journal gazette telegraph radio tv press agency group bank university institute club team city fc airlines committee council commission office party'.split(
		' ',
	),
);

// "Jordan Stewart", "Georgia Evans", "Paris Lee": a state or capital that is also a first name, before a surname.
function firstName(m: ActorMention, tokens: Token[]): boolean {
	if (m.kind !== 'actor' && m.kind !== 'capital') return false;
	if (m.to - m.from !== 1 || firstNameGender(m.text) === 'unknown') return false;
	const rest = tokens.slice(m.to);
	if (tokens[m.to - 1]?.possessive || rest.length === 0 || rest.length > 3) return false;
	return rest.every((t) => /^\p{Lu}\p{Ll}/u.test(t.raw) && !TITLE_WORDS.has(t.norm) && !NOT_SURNAME.has(t.norm));
}

// Words that make a speaker the collective voice of a state: "Syria's new rulers", "Azerbaijani leaders".
const COLLECTIVE = /\b(?:government|authorities|leaders|leadership|rulers|administration|regime|side|officials)$/i;

function fromMention(m: ActorMention, whole: boolean, date?: string | null): ResolvedSpeaker {
	if (m.entry.person && (m.kind === 'person' || m.kind === 'surname')) return fromPerson(m.entry.person, date);
	if (m.kind === 'institution') return { speaker: m.speaker, role: null, actor: m.actor.name };
	// A bare state or capital ("Moscow said") speaks as its government; an organisation as itself.
	return { speaker: whole ? m.speaker : m.text, role: null, actor: m.actor.name };
}

const cleanRole = (d: string | null | undefined) =>
	d
		?.trim()
		.replace(/^(?:the|a|an)\s+/i, '')
		.replace(/[,;:]+$/, '') || null;

/** The actor a title or apposition names: "Russian Foreign Minister" → Russia, "Kremlin spokesperson" → Russia. */
export function actorOfDescriptor(descriptor: string): string | null {
	const mentions = findActorMentions(descriptor);
	const strong = mentions.find((m) => m.kind === 'institution' || m.kind === 'person' || m.kind === 'surname');
	return (strong ?? mentions[0])?.actor.name ?? null;
}

/**
 * Normalises a speaker and finds the actor they speak for: a known person → their name, role and actor; an
 * institution → itself ("the Kremlin" → Kremlin, Russia); a state or capital → "<adjective> government"
 * ("Moscow" → Russian government); an unknown person → the actor their title names ("Russian Foreign Minister").
 */
export function resolveSpeaker(speaker: string, descriptor?: string | null, date?: string | null): ResolvedSpeaker {
	const written = speaker.trim().replace(/^(?:the|a|an)\s+/i, '');
	const role = cleanRole(descriptor);
	const exact = registry.index.get(aliasKey(written))?.[0];
	if (exact?.person) return fromPerson(exact.person, date);
	if (exact) return { speaker: exact.speaker, role, actor: exact.actor.name };
	// "Ana Lima", "Michael Jordan": a place name that ends a personal name is part of the name; "Lisa Harris" is
	// not Kamala Harris: a listed surname after another first name is someone else.
	const tokens = tokenize(written);
	const mentions = findActorMentions(written).filter((m) => {
		const before = tokens[m.from - 1];
		const afterName = !!before && /^\p{Lu}/u.test(before.raw) && !TITLE_WORDS.has(before.norm);
		if (m.kind === 'surname') return !afterName;
		if (firstName(m, tokens)) return false;
		return !(
			afterName &&
			m.to === tokens.length &&
			(m.kind === 'capital' || m.kind === 'actor' || m.kind === 'demonym')
		);
	});
	const person = mentions.find((m) => m.kind === 'person' || m.kind === 'surname');
	// "Trudeau's office" speaks for the person's state but is not the person.
	if (person && tokens[person.to - 1]?.possessive && person.to < tokens.length) {
		return { speaker: written, role, actor: fromMention(person, false, date).actor };
	}
	if (person) return fromMention(person, false, date);
	const institution = mentions.find((m) => m.kind === 'institution');
	if (institution && institution.end === written.length) return { ...fromMention(institution, true), role };
	const first = mentions[0];
	if (first && first.actor.kind === 'country' && COLLECTIVE.test(written)) {
		return { speaker: `${first.actor.adjective} government`, role, actor: first.actor.name };
	}
	const name = written || speaker;
	if (first) return { speaker: name, role, actor: first.actor.name };
	return { speaker: name, role, actor: descriptor ? actorOfDescriptor(descriptor) : null };
}
