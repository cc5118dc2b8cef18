import { z } from 'zod';
import { ClaudeFindingSchema, type ExtractionCache } from '../extract/claude.js';
import type { Logger } from '../log.js';
import type { ExtractionRepo } from '../store/extractions.js';

const FindingsSchema = z.array(ClaudeFindingSchema);

/**
 * Claude's findings kept in the store (extraction_cache), so re-extracting after a rule change costs no tokens.
 * A row of the wrong shape reads as a miss and is replaced; a failing database only costs the cache, never the ingest.
 */
export function storeExtractionCache(repo: ExtractionRepo, log: Logger): ExtractionCache {
	return {
		async get(key) {
			let raw: unknown[] | null;
			try {
				raw = await repo.get(key);
			} catch (err) {
				log.error({ err, key }, 'extraction cache read failed; extracting again');
				return undefined;
			}
			if (raw === null) return undefined;
			const parsed = FindingsSchema.safeParse(raw);
			if (parsed.success) return parsed.data;
			log.warn(
				{ key, issue: parsed.error.issues[0]?.message },
				'cached extraction has the wrong shape; extracting again',
			);
			return undefined;
		},
		async set(key, findings) {
			try {
				await repo.set(key, findings);
			} catch (err) {
				log.error({ err, key }, 'extraction cache write failed');
			}
		},
	};
}
