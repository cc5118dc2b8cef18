import type { ColumnType, Generated } from 'kysely';

/** articles: one row per article, identified by URL when it has one, else by body hash. */
export interface ArticlesTable {
	id: Generated<number>;
	url: string | null;
	outlet: string | null;
	title: string | null;
	published: string | null;
	published_on: ColumnType<string | null, string | null, string | null>;
	body: string;
	body_hash: string;
	source: string | null;
	added_by: string | null;
	extractor_version: string | null;
	ingested_at: ColumnType<Date, never, never>;
}

/** statements: verbatim spans of an article with attribution, actor, topic and stance. */
export interface StatementsTable {
	id: Generated<number>;
	article_id: number;
	start_offset: number;
	end_offset: number;
	quote: string;
	kind: 'direct' | 'indirect';
	speaker: string;
	speaker_as_written: string;
	speaker_role: string | null;
	actor: string | null;
	about_actor: string | null;
	topic: string | null;
	stance: 'support' | 'oppose' | 'neutral' | 'mixed' | null;
	cue: string | null;
	context: string;
	confidence: number;
	extractor: string;
	extractor_version: string;
}

/** actors: a mirror of the actor registry, for autocomplete and SQL joins. */
export interface ActorsTable {
	id: string;
	name: string;
	kind: string;
	parent: string | null;
}

/** actor_aliases: every name an actor goes by. */
export interface ActorAliasesTable {
	alias: string;
	actor_id: string;
}

/** extraction_cache: Claude's findings per body hash, model and prompt version (JSON, validated on read). */
export interface ExtractionCacheTable {
	key: string;
	findings: ColumnType<unknown, string, string>;
	created_at: ColumnType<Date, never, Date>;
}

/** meta: key/value facts about the database (e.g. the hash of the mirrored actor registry). */
export interface MetaTable {
	key: string;
	value: string;
	updated_at: ColumnType<Date, never, Date>;
}

/** The whole database as Kysely sees it; add a table here with its migration. */
export interface Database {
	articles: ArticlesTable;
	statements: StatementsTable;
	actors: ActorsTable;
	actor_aliases: ActorAliasesTable;
	extraction_cache: ExtractionCacheTable;
	meta: MetaTable;
}
