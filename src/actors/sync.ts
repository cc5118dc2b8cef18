import { createHash } from 'node:crypto';
import type { ActorRow } from '../store/actors.js';
import type { Store } from '../store/store.js';
import { actorAliases, listActors } from './registry.js';

const HASH_KEY = 'actors.registry-sha256';

// "Côte d'Ivoire" → "cote-d-ivoire": stable ids for SQL, derived from the canonical name.
function slug(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The registry as mirror rows: a slug of the canonical name as id, its kind, every name that speaks for it
 * (names, capitals, institutions, office-holders) as aliases. The registry's actors are states and
 * organisations, none inside another, so `parent` is null.
 */
export function registryRows(): ActorRow[] {
	const taken = new Set<string>();
	return listActors().map((actor) => {
		let id = slug(actor.name) || 'actor';
		for (let n = 2; taken.has(id); n++) id = `${slug(actor.name)}-${n}`;
		taken.add(id);
		const aliases = actorAliases(actor.name).filter((a) => a !== actor.name);
		return { id, name: actor.name, kind: actor.kind, parent: null, aliases };
	});
}

/**
 * Mirrors the actor registry into the actors and actor_aliases tables, only when it changed since the last
 * sync (a sha256 of the rows is kept in the meta table). Returns whether it wrote and how many actors there are.
 */
export async function syncActors(
	store: Pick<Store, 'actors' | 'meta'>,
	rows: ActorRow[] = registryRows(),
): Promise<{ changed: boolean; actors: number }> {
	const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
	if ((await store.meta.get(HASH_KEY)) === hash) return { changed: false, actors: rows.length };
	await store.actors.sync(rows);
	await store.meta.set(HASH_KEY, hash);
	return { changed: true, actors: rows.length };
}
