import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from './schema.js';
import type { LabelCount, StatementFilter, StatementRepo, StoredStatement } from './store.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Any-word full-text query: ranked matching rather than all-words-required; hyphens read as spaces. */
export function toAnyWordQuery(text: string): string | null {
	const words = text
		.normalize('NFKC')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 1 && !/^or$/i.test(w));
	return words.length > 0 ? words.join(' or ') : null;
}

function baseQuery(db: Kysely<Database>) {
	return db
		.selectFrom('statements as s')
		.innerJoin('articles as a', 'a.id', 's.article_id')
		.select([
			's.id',
			's.article_id as articleId',
			's.start_offset as start',
			's.end_offset as end',
			's.quote',
			's.kind',
			's.speaker',
			's.speaker_as_written as speakerAsWritten',
			's.speaker_role as speakerRole',
			's.actor',
			's.about_actor as aboutActor',
			's.topic',
			's.stance',
			's.cue',
			's.context',
			's.confidence',
			's.extractor',
			's.extractor_version as extractorVersion',
			'a.url',
			'a.outlet',
			'a.title',
			'a.published',
		]);
}

const lowerIn = (column: 's.actor' | 's.about_actor' | 's.speaker', values: string[]) =>
	sql<SqlBool>`lower(${sql.ref(column)}) in (${sql.join(values.map((v) => v.toLowerCase()))})`;

/** Statement search on Kysely: actor, claims-about, topic ids, full text and dates. */
export function createStatementRepo(db: Kysely<Database>): StatementRepo {
	return {
		async find(filter: StatementFilter): Promise<StoredStatement[]> {
			const textQuery = filter.text ? toAnyWordQuery(filter.text) : null;
			const tsq = textQuery ? sql`websearch_to_tsquery('english', ${textQuery})` : null;
			const topicIds = filter.topicIds ?? [];
			const topicHit = topicIds.length > 0 ? sql<SqlBool>`s.topic in (${sql.join(topicIds)})` : null;
			const textHit = tsq ? sql<SqlBool>`(s.search @@ ${tsq} or a.title_search @@ ${tsq})` : null;
			const relevance = sql<number>`(${topicHit ? sql`case when ${topicHit} then 1.0 else 0 end` : sql`0`}
				+ ${tsq ? sql`ts_rank(s.search, ${tsq}) + 0.3 * ts_rank(a.title_search, ${tsq})` : sql`0`})::float8`;

			let q = baseQuery(db).select(relevance.as('relevance'));
			if (filter.actors) q = q.where(lowerIn('s.actor', filter.actors));
			if (filter.aboutActors) q = q.where(lowerIn('s.about_actor', filter.aboutActors));
			if (filter.ownOnly) q = q.where('s.about_actor', 'is', null);
			if (filter.articleIds) {
				if (filter.articleIds.length === 0) return [];
				q = q.where('s.article_id', 'in', filter.articleIds);
			}
			const hits = [topicHit, textHit].filter((h): h is NonNullable<typeof h> => h !== null);
			if (hits.length > 0) q = q.where((eb) => eb.or(hits as Expression<SqlBool>[]));
			else if (filter.text !== undefined || filter.topicIds !== undefined) return [];
			if (filter.speaker) q = q.where(sql<SqlBool>`s.speaker ilike ${`%${escapeLike(filter.speaker)}%`} escape '\\'`);
			if (filter.stance) q = q.where('s.stance', '=', filter.stance);
			if (filter.since) q = q.where('a.published_on', '>=', filter.since);
			if (filter.until) q = q.where('a.published_on', '<=', filter.until);
			if (filter.orderBy === 'relevance') q = q.orderBy(sql`relevance desc`);
			q = q
				.orderBy(sql`a.published_on desc nulls last`)
				.orderBy('s.article_id', 'desc')
				.orderBy('s.start_offset', 'asc');
			const rows = await q
				.limit(filter.limit ?? 200)
				.offset(filter.offset ?? 0)
				.execute();
			return rows;
		},

		async getByIds(ids: number[]): Promise<StoredStatement[]> {
			if (ids.length === 0) return [];
			const rows = await baseQuery(db)
				.select(sql<number>`0::float8`.as('relevance'))
				.where('s.id', 'in', ids)
				.execute();
			const byId = new Map(rows.map((r) => [r.id, r]));
			return ids.flatMap((id) => byId.get(id) ?? []);
		},

		async countActors(prefix: string, limit: number): Promise<LabelCount[]> {
			return db
				.selectFrom('statements')
				.where('actor', 'is not', null)
				.where(sql<SqlBool>`actor ilike ${`${escapeLike(prefix)}%`} escape '\\'`)
				.select([sql<string>`actor`.as('value'), sql<number>`count(*)::int`.as('statements')])
				.groupBy('actor')
				.orderBy('statements', 'desc')
				.orderBy('actor')
				.limit(limit)
				.execute();
		},

		async countTopics(prefix: string, limit: number, actor?: string): Promise<LabelCount[]> {
			let q = db
				.selectFrom('statements')
				.where('topic', 'is not', null)
				.where(sql<SqlBool>`topic ilike ${`%${escapeLike(prefix)}%`} escape '\\'`);
			if (actor) q = q.where(sql<SqlBool>`lower(actor) = ${actor.toLowerCase()}`);
			return q
				.select([sql<string>`topic`.as('value'), sql<number>`count(*)::int`.as('statements')])
				.groupBy('topic')
				.orderBy('statements', 'desc')
				.orderBy('topic')
				.limit(limit)
				.execute();
		},
	};
}
