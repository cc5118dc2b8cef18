import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** An actor as mirrored from the registry. */
export type ActorRow = { id: string; name: string; kind: string; parent: string | null; aliases: string[] };

/** The actors mirror: the registry is the source of truth; the table serves SQL-side lookups. */
export type ActorRepo = {
	/** Replaces the mirror with the registry's current actors in one transaction. */
	sync(actors: ActorRow[]): Promise<void>;
	/** Actor ids whose name or alias starts with the prefix (case-insensitive). */
	findByAliasPrefix(prefix: string, limit: number): Promise<{ id: string; name: string }[]>;
};

/** Actor mirror on Kysely. */
export function createActorRepo(db: Kysely<Database>): ActorRepo {
	return {
		sync: (actors) =>
			db.transaction().execute(async (trx) => {
				await trx.deleteFrom('actor_aliases').execute();
				await trx.deleteFrom('actors').execute();
				if (actors.length === 0) return;
				await trx
					.insertInto('actors')
					.values(actors.map(({ id, name, kind, parent }) => ({ id, name, kind, parent })))
					.execute();
				const aliases = new Map<string, { alias: string; actor_id: string }>();
				for (const a of actors)
					for (const alias of [a.name, ...a.aliases]) {
						const row = { alias: alias.toLowerCase(), actor_id: a.id };
						aliases.set(`${row.alias}\u0000${row.actor_id}`, row);
					}
				const rows = [...aliases.values()];
				for (let i = 0; i < rows.length; i += 1000)
					await trx
						.insertInto('actor_aliases')
						.values(rows.slice(i, i + 1000))
						.execute();
			}),
		findByAliasPrefix: (prefix, limit) =>
			db
				.selectFrom('actor_aliases as l')
				.innerJoin('actors as a', 'a.id', 'l.actor_id')
				.where('l.alias', 'like', `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
				.select(['a.id', 'a.name'])
				.distinct()
				.orderBy('a.name')
				.limit(limit)
				.execute(),
	};
}
