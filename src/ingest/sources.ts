import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { type Feed, type FeedItem, parseFeedXml } from '../feeds/feed.js';
import { type FetchLimits, fetchGuarded } from './fetch.js';
import { htmlFragmentText, readHtml } from './html.js';
import type { ArticleFields } from './make-article.js';
import { ARTICLE_EXTENSIONS, articleFromFile, fileKind, readTextFile } from './read-file.js';
import { hostOf, isHttpUrl } from './url.js';

/** One article to ingest: its provenance and how to read it (which may fetch). */
export type PendingArticle = { source: string; load(): Promise<ArticleFields> };

// Feed content shorter than this is a teaser: the linked page is fetched for the full text instead.
const FULL_TEXT_MIN_CHARS = 500;

/** Replaces each directory by the article files under it (.md, .markdown, .txt, .html, .htm), sorted. */
export async function expandPaths(sources: string[]): Promise<string[]> {
	const out: string[] = [];
	for (const source of sources) {
		const isDir = !isHttpUrl(source) && (await stat(source).catch(() => null))?.isDirectory();
		if (!isDir) {
			out.push(source);
			continue;
		}
		const entries = await readdir(source, { recursive: true });
		const files = entries
			.filter(
				(f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase()) && !f.split(/[\\/]/).some((p) => p.startsWith('.')),
			)
			.sort()
			.map((f) => join(source, f));
		if (files.length === 0) out.push(source); // read as-is, it fails with "is a directory" naming it
		out.push(...files);
	}
	return out;
}

function articleFromItem(item: FeedItem, feed: Feed, body: string, source: string): ArticleFields {
	return {
		url: item.url,
		outlet: feed.title ?? (item.url ? hostOf(item.url) : null),
		title: item.title,
		published: item.published,
		body,
		source,
	};
}

function feedItems(feed: Feed, feedSource: string, limits: FetchLimits): PendingArticle[] {
	return feed.items.map((item, i) => {
		const source = item.url ?? `${feedSource} item ${i + 1}`;
		const load = async (): Promise<ArticleFields> => {
			const body = !item.content ? '' : item.contentIsText ? item.content : htmlFragmentText(item.content);
			if (body.trim() && (body.length >= FULL_TEXT_MIN_CHARS || !item.url)) {
				return articleFromItem(item, feed, body, source);
			}
			if (!item.url) throw new UserError(`${source}: feed item has neither a link nor content`);
			const page = await loadUrl(item.url, limits);
			return {
				...page,
				title: page.title ?? item.title,
				published: page.published ?? item.published,
				source: `${feedSource} → ${page.source}`,
			};
		};
		return { source, load };
	});
}

async function loadUrl(url: string, limits: FetchLimits): Promise<ArticleFields> {
	const fetched = await fetchGuarded(url, limits);
	if (fetched.kind === 'feed') throw new UserError(`${fetched.url}: a feed, where an article page was expected`);
	return fetchedArticle(fetched.url, fetched.kind, fetched.text);
}

function fetchedArticle(url: string, kind: 'html' | 'text', text: string): ArticleFields {
	if (kind === 'text') {
		if (text.trim() === '') throw new UserError(`${url}: empty page`);
		return { url, outlet: hostOf(url), title: null, published: null, body: text, source: url };
	}
	const { byline: _byline, ...fields } = readHtml(text, { url, source: url });
	return fields;
}

/** Fetches a URL once: an article page gives one pending article, a feed one per item. */
export async function resolveUrl(url: string, limits: FetchLimits): Promise<PendingArticle[]> {
	const fetched = await fetchGuarded(url, limits);
	if (fetched.kind === 'feed')
		return feedItems(parseFeedXml(fetched.text, fetched.url, fetched.url), fetched.url, limits);
	const { kind, text } = fetched;
	return [{ source: fetched.url, load: async () => fetchedArticle(fetched.url, kind, text) }];
}

/** Resolves a file path or URL into the articles it holds (a feed file or URL holds many). */
export async function resolveSource(source: string, limits: FetchLimits): Promise<PendingArticle[]> {
	if (isHttpUrl(source)) return resolveUrl(source, limits);
	const text = await readTextFile(source, limits.maxBytes);
	if (fileKind(source, text) === 'feed') return feedItems(parseFeedXml(text, null, source), source, limits);
	return [{ source, load: async () => articleFromFile(source, text) }];
}
