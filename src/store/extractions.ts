import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema.js';

/** Cached language-model extractions, keyed by article body hash, model and prompt version (see extract/claude.ts). */
export type ExtractionRepo = {
	/** The findings stored under `key`, or null when there are none or the row is not a JSON array. */
	get(key: string): Promise<unknown[] | null>;
	/** Stores the findings under `key`, replacing any earlier ones. */
	set(key: string, findings: unknown[]): Promise<void>;
};

// Both drivers parse jsonb, but a text value (an older driver, a hand-edited row) is read the same way.
const FindingsColumn = z.preprocess((v) => (typeof v === 'string' ? JSON.parse(v) : v), z.array(z.unknown()));

/** The extraction cache on Kysely. */
export function createExtractionRepo(db: Kysely<Database>): ExtractionRepo {
	return {
		async get(key) {
			const row = await db.selectFrom('extraction_cache').select('findings').where('key', '=', key).executeTakeFirst();
			if (!row) return null;
			try {
				const parsed = FindingsColumn.safeParse(row.findings);
				return parsed.success ? parsed.data : null;
			} catch {
				return null;
			}
		},
		async set(key, findings) {
			const json = JSON.stringify(findings);
			await db
				.insertInto('extraction_cache')
				.values({ key, findings: json })
				.onConflict((oc) => oc.column('key').doUpdateSet({ findings: json, created_at: sql<Date>`now()` }))
				.execute();
		},
	};
}
