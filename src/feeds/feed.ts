import { parseFeed } from 'feedsmith';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { type FetchLimits, fetchGuarded } from '../ingest/fetch.js';
import { normalizePublished } from '../ingest/published.js';
import { tryNormalizeUrl } from '../ingest/url.js';
import { rootElement } from './detect.js';

/** One feed entry: where the article lives and, when the feed carries it, its content. */
export type FeedItem = {
	url: string | null;
	title: string | null;
	published: string | null;
	author: string | null;
	/** Full content (content:encoded, Atom content, JSON Feed content_html), HTML unless `contentIsText`. */
	content: string | null;
	contentIsText: boolean;
};

/** A parsed RSS, Atom, RDF or JSON feed. */
export type Feed = { title: string | null; url: string | null; items: FeedItem[] };

// feedsmith's output mirrors each format; these loose schemas read the few fields we use, whatever the format.
const text = z
	.union([z.string(), z.looseObject({ value: z.string().optional() }).transform((o) => o.value)])
	.optional()
	.catch(undefined);
const strings = z.array(z.string()).optional().catch(undefined);
const Dc = z.looseObject({
	creators: strings,
	creator: z.string().optional(),
	dates: strings,
	date: z.string().optional(),
});
const Link = z.looseObject({ href: z.string().optional(), rel: z.string().optional() });
const Item = z.looseObject({
	title: text,
	link: z.string().optional().catch(undefined),
	url: z.string().optional().catch(undefined),
	links: z.array(Link).optional().catch(undefined),
	guid: z
		.looseObject({ value: z.string().optional(), isPermaLink: z.boolean().optional() })
		.optional()
		.catch(undefined),
	pubDate: z.string().optional().catch(undefined),
	published: z.string().optional().catch(undefined),
	updated: z.string().optional().catch(undefined),
	date_published: z.string().optional().catch(undefined),
	// RSS content:encoded arrives as { encoded }, Atom content as { value, type }.
	content: z
		.looseObject({ encoded: z.string().optional(), value: z.string().optional(), type: z.string().optional() })
		.optional()
		.catch(undefined),
	content_html: z.string().optional().catch(undefined),
	content_text: z.string().optional().catch(undefined),
	authors: z
		.array(z.union([z.string(), z.looseObject({ name: z.string().optional() })]))
		.optional()
		.catch(undefined),
	dc: Dc.optional().catch(undefined),
});
const FeedShape = z.looseObject({
	title: text,
	link: z.string().optional().catch(undefined),
	home_page_url: z.string().optional().catch(undefined),
	links: z.array(Link).optional().catch(undefined),
	items: z.array(z.unknown()).optional().catch(undefined),
	entries: z.array(z.unknown()).optional().catch(undefined),
});
type ItemShape = z.infer<typeof Item>;

const alternate = (links: z.infer<typeof Link>[] | undefined) =>
	(links?.find((l) => !l.rel || l.rel === 'alternate') ?? links?.[0])?.href;

function toItem(raw: ItemShape, base: string | undefined): FeedItem {
	const permalink = raw.guid?.isPermaLink !== false ? raw.guid?.value : undefined;
	const link = raw.link ?? raw.url ?? alternate(raw.links) ?? permalink;
	let content: string | null = raw.content?.encoded ?? raw.content_html ?? null;
	let contentIsText = false;
	if (!content && raw.content?.value) {
		content = raw.content.value;
		contentIsText = !raw.content.type || raw.content.type === 'text';
	} else if (!content && raw.content_text) {
		content = raw.content_text;
		contentIsText = true;
	}
	const author = raw.authors?.[0];
	return {
		url: tryNormalizeUrl(link, base),
		title: raw.title?.trim() || null,
		published: normalizePublished(
			raw.pubDate ?? raw.published ?? raw.date_published ?? raw.dc?.dates?.[0] ?? raw.dc?.date ?? raw.updated,
		),
		author: (typeof author === 'string' ? author : author?.name) ?? raw.dc?.creators?.[0] ?? raw.dc?.creator ?? null,
		content,
		contentIsText,
	};
}

/** Parses feed XML (or JSON Feed); relative item links resolve against `baseUrl`. Throws a UserError naming `source`. */
export function parseFeedXml(xml: string, baseUrl: string | null, source: string): Feed {
	let parsed: ReturnType<typeof parseFeed>;
	try {
		parsed = parseFeed(xml);
	} catch (err) {
		throw new UserError(`${source}: not a readable RSS or Atom feed (${err instanceof Error ? err.message : err})`);
	}
	const feed = FeedShape.parse(parsed.feed);
	const site = feed.link ?? feed.home_page_url ?? alternate(feed.links);
	const base = baseUrl ?? tryNormalizeUrl(site) ?? undefined;
	const items = (feed.items ?? feed.entries ?? []).flatMap((raw) => {
		const item = Item.safeParse(raw);
		return item.success ? [toItem(item.data, base)] : [];
	});
	return { title: feed.title?.trim() || null, url: baseUrl, items };
}

/** Reads a feed from its XML text or from an http(s) URL fetched through the guarded fetch. */
export async function readFeed(input: string, limits: FetchLimits): Promise<Feed> {
	if (rootElement(input) !== null || input.trimStart().startsWith('{')) return parseFeedXml(input, null, 'feed');
	const fetched = await fetchGuarded(input, limits);
	if (fetched.kind !== 'feed') throw new UserError(`${fetched.url}: not an RSS or Atom feed (got ${fetched.kind})`);
	return parseFeedXml(fetched.text, fetched.url, fetched.url);
}
