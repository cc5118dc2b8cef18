import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Small facts about the database itself, such as the hash of the actor registry last mirrored into it. */
export type MetaRepo = {
	/** The value stored under `key`, or null. */
	get(key: string): Promise<string | null>;
	/** Stores `value` under `key`, replacing any earlier one. */
	set(key: string, value: string): Promise<void>;
};

/** The meta key/value table on Kysely. */
export function createMetaRepo(db: Kysely<Database>): MetaRepo {
	return {
		async get(key) {
			const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
			return row?.value ?? null;
		},
		async set(key, value) {
			await db
				.insertInto('meta')
				.values({ key, value })
				.onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql<Date>`now()` }))
				.execute();
		},
	};
}
