import { type Kysely, sql } from 'kysely';

/** Follow-up thread context (thread id → actor, topic, statement order) and its turns, for restarts. */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table discord_threads (
			thread_id text primary key,
			guild_id text not null,
			channel_id text not null,
			actor_id text not null,
			actor_name text not null,
			topic_id text,
			topic_label text not null,
			since text,
			until text,
			statement_ids jsonb not null,
			opened boolean not null default false,
			created_by text,
			created_at timestamptz not null,
			updated_at timestamptz not null
		)`.execute(db);
	await sql`create index discord_threads_guild on discord_threads (guild_id)`.execute(db);
	await sql`create index discord_threads_updated on discord_threads (updated_at)`.execute(db);
	await sql`
		create table discord_thread_turns (
			thread_id text not null references discord_threads (thread_id) on delete cascade,
			turn integer not null,
			role text not null check (role in ('user', 'assistant')),
			text text not null,
			citations jsonb not null,
			author_id text,
			created_at timestamptz not null,
			primary key (thread_id, turn)
		)`.execute(db);
}

/** Drops the thread tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop table discord_thread_turns, discord_threads`.execute(db);
}
