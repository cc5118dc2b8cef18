import type { Stance, Statement } from '../extract/statement.js';
import type { Article } from '../ingest/article.js';
import type { ActorRepo } from './actors.js';
import type { ExtractionRepo } from './extractions.js';
import type { MetaRepo } from './meta.js';
import type { ThreadRepo } from './threads.js';
import type { UsageRepo } from './usage.js';

/** A statement as stored, joined with its article's metadata. */
export type StoredStatement = Statement & {
	id: number;
	articleId: number;
	url: string | null;
	outlet: string | null;
	title: string | null;
	published: string | null;
	/** Text relevance when the filter had `text` or `topicIds` (higher is better), else 0. */
	relevance: number;
};

/** What saving an article did: new, identical (nothing changed), re-extracted (extractor changed) or updated (body changed). */
export type SaveOutcome = 'inserted' | 'unchanged' | 'reextracted' | 'updated';

/** Identity and freshness of a stored article, enough to decide whether to re-extract. */
export type ArticleIdentity = { id: number; bodyHash: string; extractorVersion: string | null };

/** Filters for statement search. Topic matching is (topic id in topicIds) OR ranked full-text match on `text`. */
export type StatementFilter = {
	/** Canonical actor names: statements whose `actor` is one of these. */
	actors?: string[];
	/** Canonical actor names: statements whose `aboutActor` is one of these. */
	aboutActors?: string[];
	/** Exclude statements that report another actor's position (aboutActor set). */
	ownOnly?: boolean;
	topicIds?: string[];
	/** Only statements from these articles (e.g. the rest of a story a topic hit came from). */
	articleIds?: number[];
	/** Free text, matched with PostgreSQL full-text search over quote, context and title (hyphens read as spaces). */
	text?: string;
	speaker?: string;
	stance?: Stance;
	/** ISO dates, inclusive; undated statements are excluded when either bound is set. */
	since?: string;
	until?: string;
	/** 'newest' (default): newest first, undated last. 'relevance': best text/topic match first, then newest. */
	orderBy?: 'newest' | 'relevance';
	limit?: number;
	offset?: number;
};

/** Corpus overview for /sources. */
export type CorpusStats = {
	articles: number;
	statements: number;
	outlets: { outlet: string; articles: number }[];
	oldest: string | null;
	newest: string | null;
	newestArticle: { title: string | null; url: string | null; published: string | null } | null;
};

/** An actor or topic value with how many statements carry it, for autocomplete. */
export type LabelCount = { value: string; statements: number };

/** The articles and their statements. */
export type ArticleRepo = {
	getIdentity(key: { url: string | null; bodyHash: string }): Promise<ArticleIdentity | null>;
	/** Upserts the article and replaces its statements in one transaction. */
	save(
		article: Article,
		statements: Statement[],
		extractorVersion: string,
	): Promise<{ id: number; outcome: SaveOutcome }>;
	/** How many statements are stored for the article, e.g. for /ingest's reply about an unchanged article. */
	countStatements(articleId: number): Promise<number>;
	stats(): Promise<CorpusStats>;
};

/** Statement queries for answers, autocomplete and threads. */
export type StatementRepo = {
	/** Matching statements, newest first (undated last); ranked by text relevance within a date when `text` is set. */
	find(filter: StatementFilter): Promise<StoredStatement[]>;
	getByIds(ids: number[]): Promise<StoredStatement[]>;
	countActors(prefix: string, limit: number): Promise<LabelCount[]>;
	countTopics(prefix: string, limit: number, actor?: string): Promise<LabelCount[]>;
};

/** The database behind Attaché: PGlite or PostgreSQL, same SQL. */
export type Store = {
	articles: ArticleRepo;
	statements: StatementRepo;
	actors: ActorRepo;
	/** Discord follow-up thread contexts and turns (src/store/threads.ts). */
	threads: ThreadRepo;
	/** Language-model usage, for the daily token budget and rate limits (src/store/usage.ts). */
	usage: UsageRepo;
	/** Cached language-model extractions (src/store/extractions.ts). */
	extractions: ExtractionRepo;
	/** Key/value facts about the database, e.g. the mirrored actor registry's hash (src/store/meta.ts). */
	meta: MetaRepo;
	/** Where the data lives, for logs ("pglite:./data/attache", "postgres://host/db"); never credentials. */
	describe(): string;
	close(): Promise<void>;
};
