import { type Kysely, sql } from 'kysely';

/** Articles, statements (with full-text search), actors and aliases. */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table articles (
			id integer generated always as identity primary key,
			url text unique,
			outlet text,
			title text,
			published text,
			published_on date,
			body text not null,
			body_hash text not null,
			source text,
			added_by text,
			extractor_version text,
			ingested_at timestamptz not null default now(),
			title_search tsvector generated always as (to_tsvector('english', coalesce(title, ''))) stored
		)`.execute(db);
	await sql`create unique index articles_hash_without_url on articles (body_hash) where url is null`.execute(db);
	await sql`create index articles_published_on on articles (published_on desc nulls last)`.execute(db);
	await sql`create index articles_title_search on articles using gin (title_search)`.execute(db);
	await sql`
		create table statements (
			id integer generated always as identity primary key,
			article_id integer not null references articles (id) on delete cascade,
			start_offset integer not null,
			end_offset integer not null,
			quote text not null,
			kind text not null check (kind in ('direct', 'indirect')),
			speaker text not null,
			speaker_as_written text not null,
			speaker_role text,
			actor text,
			about_actor text,
			topic text,
			stance text check (stance in ('support', 'oppose', 'neutral', 'mixed')),
			cue text,
			context text not null,
			confidence real not null,
			extractor text not null,
			extractor_version text not null,
			search tsvector generated always as (to_tsvector('english', quote || ' ' || context)) stored,
			unique (article_id, start_offset, end_offset)
		)`.execute(db);
	await sql`create index statements_search on statements using gin (search)`.execute(db);
	await sql`create index statements_actor on statements (lower(actor))`.execute(db);
	await sql`create index statements_about_actor on statements (lower(about_actor))`.execute(db);
	await sql`create index statements_topic on statements (topic)`.execute(db);
	await sql`create index statements_article on statements (article_id)`.execute(db);
	await sql`
		create table actors (
			id text primary key,
			name text not null,
			kind text not null,
			parent text
		)`.execute(db);
	await sql`
		create table actor_aliases (
			alias text not null,
			actor_id text not null references actors (id) on delete cascade,
			primary key (alias, actor_id)
		)`.execute(db);
	await sql`create index actor_aliases_prefix on actor_aliases (alias text_pattern_ops)`.execute(db);
}

/** Drops everything 0001 created. */
export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop table actor_aliases, actors, statements, articles`.execute(db);
}
