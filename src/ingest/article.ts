import { z } from 'zod';

/**
 * An article ready to store. Missing metadata stays null: never invent a URL, an outlet,
 * or (above all) use the ingest time as the publication date.
 */
export const ArticleSchema = z.object({
	/** Canonical URL with credentials stripped; the article's identity when present. */
	url: z.string().nullable(),
	outlet: z.string().nullable(),
	title: z.string().nullable(),
	/** ISO date (YYYY-MM-DD) or full ISO timestamp as given by the source, else null. */
	published: z.string().nullable(),
	body: z.string().min(1),
	/** sha256 hex of the body; the article's identity when there is no URL. */
	bodyHash: z.string().length(64),
	/** Where it came from: a file path, a URL, or a feed; for provenance only. */
	source: z.string().nullable(),
	/** Discord user id (or 'cli') that added it, for the audit trail of /ingest. */
	addedBy: z.string().nullable(),
});
/** An article ready to store. */
export type Article = z.infer<typeof ArticleSchema>;
