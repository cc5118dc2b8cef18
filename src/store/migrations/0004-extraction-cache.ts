import { type Kysely, sql } from 'kysely';

/**
 * extraction_cache: Claude's findings per article body, model and prompt version, so re-extraction after a rule
 * change costs no tokens. meta: small key/value facts about the database (e.g. the actor registry's hash).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table extraction_cache (
			key text primary key,
			findings jsonb not null,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`
		create table meta (
			key text primary key,
			value text not null,
			updated_at timestamptz not null default now()
		)`.execute(db);
}

/** Drops what 0004 created. */
export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop table meta, extraction_cache`.execute(db);
}
