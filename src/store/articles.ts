import { type Kysely, sql, type Transaction } from 'kysely';
import type { Statement } from '../extract/statement.js';
import type { Article } from '../ingest/article.js';
import type { Database } from './schema.js';
import type { ArticleIdentity, ArticleRepo, CorpusStats, SaveOutcome } from './store.js';

/** The calendar day of an ISO date or timestamp, for sorting and date filters; null when not a real date. */
export function dayOf(published: string | null): string | null {
	const day = published?.match(/^(\d{4}-\d{2}-\d{2})/)?.[1];
	if (!day) return null;
	const date = new Date(`${day}T00:00:00Z`);
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
}

/** Looks up an article by URL when it has one, else by the body hash of a URL-less article. */
async function findIdentity(db: Kysely<Database>, key: { url: string | null; bodyHash: string }) {
	const query = db
		.selectFrom('articles')
		.select(['id', 'body_hash as bodyHash', 'extractor_version as extractorVersion']);
	const row = key.url
		? await query.where('url', '=', key.url).executeTakeFirst()
		: await query.where('url', 'is', null).where('body_hash', '=', key.bodyHash).executeTakeFirst();
	return row ?? null;
}

// Statements are matched to existing rows by span, so re-extraction keeps the ids of unchanged
// statements: thread contexts and subscriptions refer to them.
async function replaceStatements(trx: Transaction<Database>, articleId: number, statements: Statement[]) {
	const rows = statements.map((s) => ({
		article_id: articleId,
		start_offset: s.start,
		end_offset: s.end,
		quote: s.quote,
		kind: s.kind,
		speaker: s.speaker,
		speaker_as_written: s.speakerAsWritten,
		speaker_role: s.speakerRole,
		actor: s.actor,
		about_actor: s.aboutActor,
		topic: s.topic,
		stance: s.stance,
		cue: s.cue,
		context: s.context,
		confidence: s.confidence,
		extractor: s.extractor,
		extractor_version: s.extractorVersion,
	}));
	const keep = rows.map((r) => sql`(${r.start_offset}::int, ${r.end_offset}::int)`);
	let stale = trx.deleteFrom('statements').where('article_id', '=', articleId);
	if (keep.length > 0) stale = stale.where(sql<boolean>`(start_offset, end_offset) not in (${sql.join(keep)})`);
	await stale.execute();
	if (rows.length === 0) return;
	await trx
		.insertInto('statements')
		.values(rows)
		.onConflict((oc) =>
			oc.columns(['article_id', 'start_offset', 'end_offset']).doUpdateSet((eb) => ({
				quote: eb.ref('excluded.quote'),
				kind: eb.ref('excluded.kind'),
				speaker: eb.ref('excluded.speaker'),
				speaker_as_written: eb.ref('excluded.speaker_as_written'),
				speaker_role: eb.ref('excluded.speaker_role'),
				actor: eb.ref('excluded.actor'),
				about_actor: eb.ref('excluded.about_actor'),
				topic: eb.ref('excluded.topic'),
				stance: eb.ref('excluded.stance'),
				cue: eb.ref('excluded.cue'),
				context: eb.ref('excluded.context'),
				confidence: eb.ref('excluded.confidence'),
				extractor: eb.ref('excluded.extractor'),
				extractor_version: eb.ref('excluded.extractor_version'),
			})),
		)
		.execute();
}

/** Articles on Kysely: idempotent saves keyed by URL or body hash. */
export function createArticleRepo(db: Kysely<Database>): ArticleRepo {
	return {
		getIdentity: (key): Promise<ArticleIdentity | null> => findIdentity(db, key),

		save: (article: Article, statements: Statement[], extractorVersion: string) =>
			db.transaction().execute(async (trx) => {
				const existing = await findIdentity(trx, article);
				const values = {
					url: article.url,
					outlet: article.outlet,
					title: article.title,
					published: article.published,
					published_on: dayOf(article.published),
					body: article.body,
					body_hash: article.bodyHash,
					source: article.source,
					added_by: article.addedBy,
					extractor_version: extractorVersion,
				};
				let outcome: SaveOutcome;
				let id: number;
				if (!existing) {
					({ id } = await trx.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow());
					outcome = 'inserted';
				} else if (existing.bodyHash === article.bodyHash && existing.extractorVersion === extractorVersion) {
					return { id: existing.id, outcome: 'unchanged' as const };
				} else {
					id = existing.id;
					outcome = existing.bodyHash === article.bodyHash ? 'reextracted' : 'updated';
					// Keep who first added it; refresh everything else.
					const { added_by: _keep, ...update } = values;
					await trx.updateTable('articles').set(update).where('id', '=', id).execute();
				}
				await replaceStatements(trx, id, statements);
				return { id, outcome };
			}),

		countStatements: async (articleId: number): Promise<number> => {
			const row = await db
				.selectFrom('statements')
				.where('article_id', '=', articleId)
				.select(sql<number>`count(*)::int`.as('n'))
				.executeTakeFirstOrThrow();
			return row.n;
		},

		stats: async (): Promise<CorpusStats> => {
			const totals = await db
				.selectFrom('articles')
				.select([
					sql<number>`count(*)::int`.as('articles'),
					sql<string | null>`to_char(min(published_on), 'YYYY-MM-DD')`.as('oldest'),
					sql<string | null>`to_char(max(published_on), 'YYYY-MM-DD')`.as('newest'),
				])
				.executeTakeFirstOrThrow();
			const statementCount = await db
				.selectFrom('statements')
				.select(sql<number>`count(*)::int`.as('n'))
				.executeTakeFirstOrThrow();
			const outlets = await db
				.selectFrom('articles')
				.where('outlet', 'is not', null)
				.select(['outlet', sql<number>`count(*)::int`.as('articles')])
				.groupBy('outlet')
				.orderBy('articles', 'desc')
				.orderBy('outlet')
				.execute();
			const newestArticle = await db
				.selectFrom('articles')
				.select(['title', 'url', 'published'])
				.orderBy(sql`published_on desc nulls last`)
				.orderBy('id', 'desc')
				.limit(1)
				.executeTakeFirst();
			return {
				articles: totals.articles,
				statements: statementCount.n,
				outlets: outlets.map((o) => ({ outlet: o.outlet ?? '', articles: o.articles })),
				oldest: totals.oldest,
				newest: totals.newest,
				newestArticle: newestArticle ?? null,
			};
		},
	};
}
