import { type Actor, resolveActor, suggestActors } from '../actors/registry.js';
import { UserError } from '../errors.js';
import { resolveTopic, topicSearchTerms } from '../topics/registry.js';
import type { StanceQuery } from './query.js';

/** Longest topic a user may type: a few words or a registry id, not a paragraph. */
export const MAX_TOPIC_LENGTH = 100;
const MAX_ACTOR_LENGTH = 80;

/** A topic as understood: the registry's id and label when it knows the topic, and the words to search for. */
export type ResolvedTopic = { id: string | null; label: string; input: string; searchText: string };

/** A /stance query resolved against the registries and validated. */
export type ResolvedQuery = {
	actor: Actor;
	actorInput: string;
	topic: ResolvedTopic;
	since: string | null;
	until: string | null;
	/** Only this speaker's statements (a follow-up that names one person). */
	speaker?: string;
};

function cleanInput(text: string): string {
	// Control characters and mention syntax carry no meaning in a name or topic.
	return text
		.normalize('NFKC')
		.replace(/[\p{Cc}\p{Cf}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A validated ISO day, or null when absent; a UserError naming the field when malformed. */
export function parseDay(value: string | null | undefined, field: 'since' | 'until'): string | null {
	if (value == null || value.trim() === '') return null;
	const v = value.trim();
	const m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
	const valid = m && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
	if (!valid) throw new UserError(`"${field}" must be a date like 2025-03-12 (got "${v.slice(0, 40)}").`);
	return v;
}

/** The actor named by forgiving input ("uk", "u.s.", "kremlin", "lavrov"), or a UserError suggesting the nearest. */
export function resolveActorInput(input: string): Actor {
	const text = cleanInput(input);
	if (!text) throw new UserError('Name an actor, for example "russia" or "united states".');
	if (text.length > MAX_ACTOR_LENGTH) {
		throw new UserError(`That actor name is too long (${text.length} characters); use a country or organisation name.`);
	}
	const actor = resolveActor(text);
	if (actor) return actor;
	const near = suggestActors(text, 5);
	const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
	throw new UserError(`I don't know an actor called "${text}".${hint}`);
}

/** Checks the topic's length and characters; a UserError saying what is wrong. */
export function cleanTopicInput(input: string): string {
	const text = cleanInput(input);
	if (!text) throw new UserError('Name a topic, for example "peacekeepers" or "black-sea-grain-deal".');
	if (text.length > MAX_TOPIC_LENGTH) {
		throw new UserError(
			`That topic is too long (${text.length} characters, at most ${MAX_TOPIC_LENGTH}); use a few key words such as "grain deal".`,
		);
	}
	if (!/[\p{L}\p{N}]/u.test(text)) throw new UserError(`The topic "${text}" has no words to search for.`);
	return text;
}

/**
 * The topic as the registry knows it (slug, label or alias; hyphens read as spaces), with the words to
 * search full text for: the user's words plus the registry's label and aliases. Unknown topics search
 * the user's words alone.
 */
export function resolveTopicInput(input: string): ResolvedTopic {
	const text = cleanTopicInput(input);
	const words = text
		.replace(/[-_/]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const topic = resolveTopic(text);
	if (!topic) return { id: null, label: words, input: text, searchText: words };
	const searchText = [...new Set([words, ...topicSearchTerms(topic)])].join(' ');
	return { id: topic.id, label: topic.label, input: text, searchText };
}

/** Validates and resolves a /stance query; every failure is a UserError that says what was understood. */
export function resolveStanceQuery(query: StanceQuery): ResolvedQuery {
	const actor = resolveActorInput(query.actor);
	const topic = resolveTopicInput(query.topic);
	const since = parseDay(query.since, 'since');
	const until = parseDay(query.until, 'until');
	if (since && until && since > until) throw new UserError(`"since" (${since}) is after "until" (${until}).`);
	return { actor, actorInput: cleanInput(query.actor), topic, since, until };
}
