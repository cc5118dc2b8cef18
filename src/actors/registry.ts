import { distance } from 'fastest-levenshtein';
import { type Actor, type AliasEntry, aliasKey, loadRegistry } from './load.js';
import { type ActorMention, aliasAt, scanMentions } from './mentions.js';
import { tokenize } from './normalise.js';

export type { Actor, ActorKind } from './load.js';
export type { ActorMention } from './mentions.js';

/** The registry, loaded once from src/actors/data and world-countries. */
export const registry = loadRegistry();

const byActor = new Map<string, AliasEntry[]>();
for (const list of registry.index.values()) {
	for (const e of list) byActor.set(e.actor.name, [...(byActor.get(e.actor.name) ?? []), e]);
}

// Words a user may put before a name: "president putin", "the kremlin".
const LEADING =
	/^(?:the|mr|mrs|ms|dr|president|prime minister|pm|foreign minister|minister|secretary|chancellor|king|queen|sheikh|ayatollah) /;

/** An actor from forgiving input: "uk", "britain", "u.s.", "usa", "kremlin", "lavrov", "russia's" → the actor, or null. */
export function resolveActor(input: string): Actor | null {
	let key = aliasKey(input);
	for (let i = 0; i < 3 && key; i++) {
		const hit = registry.index.get(key)?.[0];
		if (hit) return hit.actor;
		const shorter = key.replace(LEADING, '');
		if (shorter === key) break;
		key = shorter;
	}
	if (!key) return null;
	// "russian foreign ministry", "chinese embassy": one mention covering the whole input.
	const upper = key.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
	const mentions = scanMentions(registry, upper);
	const only = mentions.length === 1 ? mentions[0] : undefined;
	return only && only.start === 0 && only.end === upper.length ? only.actor : null;
}

/** Every name that speaks for an actor (its names, capitals, institutions, people), for retrieval. */
export function actorAliases(actorName: string): string[] {
	const actor = resolveActor(actorName);
	if (!actor) return [];
	const names = (byActor.get(actor.name) ?? []).filter((e) => e.kind !== 'demonym').map((e) => e.alias);
	return [...new Set([actor.name, ...names])];
}

/** Up to n actor names nearest to the input: prefix matches first, then by edit distance over all aliases. */
export function suggestActors(input: string, n = 5): string[] {
	const key = aliasKey(input);
	if (!key) return [];
	const best = new Map<string, number>();
	for (const [alias, list] of registry.index) {
		const entry = list[0];
		if (!entry) continue;
		const score = alias.startsWith(key)
			? (alias.length - key.length) / 100
			: distance(alias, key) / Math.max(alias.length, key.length);
		const name = entry.actor.name;
		if (score < (best.get(name) ?? Number.POSITIVE_INFINITY)) best.set(name, score);
	}
	return [...best]
		.filter(([, score]) => score < 0.5)
		.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
		.slice(0, n)
		.map(([name]) => name);
}

/** The longest alias that starts a one-line text ("united states peace talks") and the text after it. */
export function matchActorPrefix(text: string): { actor: Actor; matched: string; rest: string } | null {
	const tokens = tokenize(text).map((t) => ({ ...t, raw: t.raw.toUpperCase() }));
	const from = tokens[0]?.norm === 'the' ? 1 : 0;
	const hit = aliasAt(registry, tokens, from);
	if (!hit) return null;
	const first = tokens[0];
	const last = tokens[hit.to - 1];
	if (!first || !last) return null;
	const after = text.slice(last.end).replace(/^['’]s\b/, '');
	return {
		actor: hit.entry.actor,
		matched: text.slice(first.start, last.end),
		rest: after.replace(/^[\s.,;:–—-]+/, '').trim(),
	};
}

/** Actor mentions in running text with offsets ("Putin", "the Kremlin", "Russia's Foreign Ministry", "Greenlanders"). */
export function findActorMentions(text: string): ActorMention[] {
	return scanMentions(registry, text);
}

/** Every actor in the registry, states first, by name. */
export function listActors(): Actor[] {
	return [...registry.actors.values()].sort(
		(a, b) => Number(b.kind === 'country') - Number(a.kind === 'country') || a.name.localeCompare(b.name),
	);
}

/** A speaker as running prose names it: "the Kremlin", "the Russian government", but "Sergei Lavrov", "NATO". */
export function speakerInProse(speaker: string): string {
	const entries = registry.index.get(aliasKey(speaker)) ?? [];
	const institution = entries.some((e) => e.kind === 'institution' && e.speaker === speaker);
	return institution || /\b(government|ministry|embassy|administration)$/i.test(speaker) ? `the ${speaker}` : speaker;
}
