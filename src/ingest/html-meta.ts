import { z } from 'zod';

/** Metadata a news page declares about itself, read before Readability rewrites the document. */
export type HtmlMeta = {
	canonical: string | null;
	title: string | null;
	siteName: string | null;
	byline: string | null;
	published: string | null;
};

// Loose DOM shape: linkedom's Document is close to, but not typed as, the DOM lib (which tsconfig omits).
type El = { getAttribute(name: string): string | null; textContent: string | null };
/** The subset of a DOM Document the metadata reader needs. */
export type MetaDocument = { querySelector(s: string): El | null; querySelectorAll(s: string): Iterable<El> };

const PUBLISHED_META = [
	'meta[property="article:published_time"]',
	'meta[name="article:published_time"]',
	'meta[itemprop="datePublished"]',
	'meta[property="og:published_time"]',
	'meta[name="pubdate"]',
	'meta[name="publishdate"]',
	'meta[name="publish-date"]',
	'meta[name="date"]',
	'meta[name="dc.date.issued"]',
	'meta[name="DC.date.issued"]',
	'meta[name="dcterms.created"]',
	'meta[name="parsely-pub-date"]',
];
// <time> is the weakest hint: pages also print today's date in headers, so only explicit publication markers count.
const PUBLISHED_TIME = ['time[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]'];

const JsonLdNode = z.looseObject({
	'@type': z.union([z.string(), z.array(z.string())]).optional(),
	datePublished: z.string().optional(),
	headline: z.string().optional(),
	publisher: z.looseObject({ name: z.string().optional() }).optional(),
});

function attr(doc: MetaDocument, selectors: string[], name = 'content'): string | null {
	for (const s of selectors) {
		const value = doc.querySelector(s)?.getAttribute(name)?.trim();
		if (value) return value;
	}
	return null;
}

/** Every object in the page's JSON-LD blocks, flattening arrays and @graph. */
function jsonLdNodes(doc: MetaDocument): z.infer<typeof JsonLdNode>[] {
	const out: z.infer<typeof JsonLdNode>[] = [];
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) {
			for (const v of value) visit(v);
			return;
		}
		const node = JsonLdNode.safeParse(value);
		if (!node.success) return;
		out.push(node.data);
		visit(node.data['@graph']);
	};
	for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
		try {
			visit(JSON.parse(script.textContent ?? ''));
		} catch {
			// A broken JSON-LD block is common and harmless: the other sources of metadata remain.
		}
	}
	return out;
}

const isArticleType = (t: string | string[] | undefined) =>
	[t ?? []].flat().some((x) => /Article|BlogPosting|Report/i.test(x));

/** Reads canonical URL, title, site name, byline and publication date from meta tags, JSON-LD and <time>. */
export function readHtmlMeta(doc: MetaDocument): HtmlMeta {
	const ld = jsonLdNodes(doc);
	const ldArticle = ld.find((n) => isArticleType(n['@type']) && n.datePublished) ?? ld.find((n) => n.datePublished);
	const titleTag = doc.querySelector('title')?.textContent?.trim() || null;
	return {
		canonical: attr(doc, ['link[rel="canonical"]'], 'href') ?? attr(doc, ['meta[property="og:url"]']),
		title: attr(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? ldArticle?.headline ?? titleTag,
		siteName:
			attr(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
			ld.find((n) => n.publisher?.name)?.publisher?.name ??
			null,
		byline: attr(doc, ['meta[name="author"]', 'meta[property="article:author"]']),
		published: attr(doc, PUBLISHED_META) ?? ldArticle?.datePublished ?? attr(doc, PUBLISHED_TIME, 'datetime') ?? null,
	};
}
