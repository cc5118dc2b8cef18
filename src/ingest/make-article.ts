import { createHash } from 'node:crypto';
import type { Article } from './article.js';

/** sha256 hex of an article body: its identity when it has no URL, and how changes are noticed. */
export function hashBody(body: string): string {
	return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** Fields a reader found; the rest of an Article is derived. */
export type ArticleFields = Omit<Article, 'bodyHash' | 'addedBy'> & { addedBy?: string | null };

/** Builds an Article from a reader's fields, computing the body hash. */
export function makeArticle(fields: ArticleFields): Article {
	return { ...fields, addedBy: fields.addedBy ?? null, bodyHash: hashBody(fields.body) };
}
