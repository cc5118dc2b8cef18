import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../log.js';
import { createActorRepo } from './actors.js';
import { createArticleRepo } from './articles.js';
import { createExtractionRepo } from './extractions.js';
import { lockFolder } from './folder-lock.js';
import { createMetaRepo } from './meta.js';
import { migrateToLatest } from './migrate.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';
import { createStatementRepo } from './statements.js';
import type { Store } from './store.js';
import { createThreadRepo } from './threads.js';
import { createUsageRepo } from './usage.js';

/** A database URL with any password or user removed, safe for logs. */
export function redactDatabaseUrl(url: string): string {
	if (!/^postgres(ql)?:/.test(url)) return url;
	try {
		const u = new URL(url);
		return `${u.protocol}//${u.host}${u.pathname}`;
	} catch {
		return 'postgres://(unparsable url)';
	}
}

function connect(databaseUrl: string): { db: Kysely<Database>; release: () => void } {
	if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
		const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
		return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), release: () => {} };
	}
	if (databaseUrl === 'memory:') {
		return { db: new Kysely<Database>({ dialect: new PgliteDialect(new PGlite()) }), release: () => {} };
	}
	const dir = resolve(databaseUrl.replace(/^file:/, ''));
	const release = lockFolder(dir);
	try {
		return { db: new Kysely<Database>({ dialect: new PgliteDialect(new PGlite(dir)) }), release };
	} catch (err) {
		release();
		throw err;
	}
}

/**
 * Opens the store named by DATABASE_URL (`file:PATH` or `memory:` → embedded PGlite,
 * `postgres://…` → a server) and migrates it to the latest schema.
 */
export async function openStore(databaseUrl: string, log: Logger): Promise<Store> {
	const { db, release } = connect(databaseUrl);
	const where = databaseUrl.startsWith('postgres') ? redactDatabaseUrl(databaseUrl) : `pglite:${databaseUrl}`;
	try {
		const applied = await migrateToLatest(db as Kysely<unknown>);
		if (applied.length > 0) log.info({ store: where, applied }, 'database migrated');
	} catch (err) {
		await db.destroy().catch(() => {});
		release();
		throw err;
	}
	let closed = false;
	return {
		articles: createArticleRepo(db),
		statements: createStatementRepo(db),
		actors: createActorRepo(db),
		threads: createThreadRepo(db),
		usage: createUsageRepo(db),
		extractions: createExtractionRepo(db),
		meta: createMetaRepo(db),
		describe: () => where,
		async close() {
			if (closed) return;
			closed = true;
			try {
				await db.destroy();
			} finally {
				release();
			}
		},
	};
}
