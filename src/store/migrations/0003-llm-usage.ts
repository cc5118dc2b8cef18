import { type Kysely, sql } from 'kysely';

/** llm_usage: one row per language-model request, for the daily token budget and per-user/guild rate limits. */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table llm_usage (
			id integer generated always as identity primary key,
			at timestamptz not null,
			purpose text not null,
			user_id text,
			guild_id text,
			model text not null,
			input_tokens integer not null,
			output_tokens integer not null,
			cache_read_tokens integer not null default 0,
			cache_write_tokens integer not null default 0,
			cost_usd double precision not null,
			ok boolean not null
		)`.execute(db);
	await sql`create index llm_usage_at on llm_usage (at)`.execute(db);
	await sql`create index llm_usage_user on llm_usage (user_id, at) where user_id is not null`.execute(db);
	await sql`create index llm_usage_guild on llm_usage (guild_id, at) where guild_id is not null`.execute(db);
}

/** Drops what 0003 created. */
export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop table llm_usage`.execute(db);
}
