import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import { resolveActor, suggestActors } from '../actors/registry.js';
import type { Deps } from '../deps.js';
import { truncate } from './escape.js';
import { LIMITS } from './limits.js';

type Choice = ApplicationCommandOptionChoiceData<string>;

const choice = (label: string, value: string): Choice => ({
	name: truncate(label, LIMITS.choiceName),
	value: value.slice(0, LIMITS.choiceValue),
});
const counted = (n: number) => `${n} statement${n === 1 ? '' : 's'}`;

/**
 * Actor suggestions for what the user has typed: the actor the text already names ("kremlin" → Russia)
 * first, then actors with stored statements by prefix, then registry names close to the text. At most 25.
 */
export async function suggestActorChoices(typed: string, deps: Pick<Deps, 'store'>): Promise<Choice[]> {
	const text = typed.trim().slice(0, 80);
	const stored = await deps.store.statements.countActors(text, LIMITS.choices);
	const resolved = text ? resolveActor(text)?.name : undefined;
	const names = new Map<string, string>();
	if (resolved) {
		const n = stored.find((s) => s.value === resolved)?.statements;
		names.set(resolved, n ? `${resolved} · ${counted(n)}` : resolved);
	}
	for (const s of stored) if (!names.has(s.value)) names.set(s.value, `${s.value} · ${counted(s.statements)}`);
	if (text && names.size < LIMITS.choices) {
		for (const name of suggestActors(text, LIMITS.choices)) if (!names.has(name)) names.set(name, name);
	}
	return [...names].slice(0, LIMITS.choices).map(([value, label]) => choice(label, value));
}

/**
 * Topic suggestions: the typed words themselves (topics are free text), then stored topics matching
 * them, for the chosen actor when it is known. At most 25.
 */
export async function suggestTopicChoices(
	typed: string,
	actorTyped: string | null,
	deps: Pick<Deps, 'store'>,
): Promise<Choice[]> {
	const text = typed.trim().slice(0, LIMITS.choiceValue);
	const actor = actorTyped ? (resolveActor(actorTyped)?.name ?? undefined) : undefined;
	const stored = await deps.store.statements.countTopics(text, LIMITS.choices, actor);
	const choices = stored.map((t) => choice(`${t.value.replace(/-/g, ' ')} · ${counted(t.statements)}`, t.value));
	if (text && !stored.some((t) => t.value.toLowerCase() === text.toLowerCase())) choices.unshift(choice(text, text));
	return choices.slice(0, LIMITS.choices);
}

/** Answers autocomplete for a command with `actor` and `topic` options (at most 25 choices). */
export async function respondActorTopic(
	interaction: AutocompleteInteraction,
	deps: Pick<Deps, 'store'>,
): Promise<void> {
	const focused = interaction.options.getFocused(true);
	const typed = String(focused.value);
	if (focused.name === 'actor') await interaction.respond(await suggestActorChoices(typed, deps));
	else if (focused.name === 'topic') {
		const actor = interaction.options.getString('actor');
		await interaction.respond(await suggestTopicChoices(typed, actor, deps));
	} else await interaction.respond([]);
}
