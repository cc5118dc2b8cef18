import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ArticleFields } from './make-article.js';
import { normalizePublished } from './published.js';
import { normalizeUrl, redactCredentials } from './url.js';

// The same rule as ../shared/eval/score.mjs readBody: the body starts right after the closing `---` line,
// so statement offsets computed here match the scorer's.
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const OPENING = /^---\r?\n/;

const scalar = z.union([z.string(), z.number()]).transform(String).nullish();
const FrontMatterSchema = z.looseObject({
	title: scalar,
	url: scalar,
	outlet: scalar,
	published: z.union([z.string(), z.number(), z.date()]).nullish(),
});

/** True when the text starts with a YAML front matter block. */
export function hasFrontMatter(raw: string): boolean {
	return OPENING.test(raw);
}

/** Splits markdown into its front matter and body, exactly where the eval scorer does. Throws a UserError naming `source`. */
export function parseMarkdownArticle(raw: string, source: string): ArticleFields {
	if (!OPENING.test(raw)) return plainArticle(raw, source);
	const block = raw.match(FRONT_MATTER);
	if (!block) throw new UserError(`${source}: broken front matter: no closing '---' line followed by the article body`);
	const yamlText = block[0].replace(OPENING, '').replace(/\r?\n---\r?\n$/, '');
	let data: unknown;
	try {
		data = parseYaml(yamlText) ?? {};
	} catch (err) {
		const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
		throw new UserError(`${source}: broken front matter: ${first}`);
	}
	const parsed = FrontMatterSchema.safeParse(data);
	if (!parsed.success) {
		const what = parsed.error.issues.map((i) => i.path.join('.') || 'front matter').join(', ');
		throw new UserError(`${source}: broken front matter: expected "key: value" lines with text values (bad: ${what})`);
	}
	const meta = parsed.data;
	const body = raw.slice(block[0].length);
	if (body.trim() === '') throw new UserError(`${source}: empty article body after the front matter`);
	return {
		url: meta.url ? frontMatterUrl(meta.url, source) : null,
		outlet: meta.outlet?.trim() || null,
		title: meta.title?.trim() || null,
		published: frontMatterDate(meta.published, source),
		body,
		source,
	};
}

/** A plain-text article: the whole text is the body; nothing else is known. */
export function plainArticle(raw: string, source: string): ArticleFields {
	if (raw.trim() === '') throw new UserError(`${source}: empty file`);
	return { url: null, outlet: null, title: null, published: null, body: raw, source };
}

function frontMatterUrl(value: string, source: string): string {
	try {
		return normalizeUrl(value);
	} catch {
		throw new UserError(`${source}: broken front matter: url "${redactCredentials(value)}" is not an http(s) URL`);
	}
}

function frontMatterDate(value: string | number | Date | null | undefined, source: string): string | null {
	if (value == null || (typeof value === 'string' && value.trim() === '')) return null;
	const date = normalizePublished(typeof value === 'number' ? String(value) : value);
	if (date === null) throw new UserError(`${source}: broken front matter: published "${String(value)}" is not a date`);
	return date;
}
