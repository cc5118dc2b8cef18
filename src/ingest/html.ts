import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from '../errors.js';
import { type MetaDocument, readHtmlMeta } from './html-meta.js';
import type { ArticleFields } from './make-article.js';
import { normalizePublished } from './published.js';
import { hostOf, tryNormalizeUrl } from './url.js';

/** An article read from an HTML page, with the byline for display (Article has no byline field). */
export type HtmlArticle = ArticleFields & { byline: string | null };

// Minimal node shape for walking the DOM; linkedom's classes satisfy it.
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

const BLOCK = new Set(
	'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
		' ',
	),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);
const BREAK = '\u0000';

/**
 * Plain text of a DOM subtree: one paragraph per block element, separated by a blank line,
 * whitespace inside a paragraph collapsed. Quotes keep their exact characters.
 */
export function blockText(root: DomNode): string {
	const parts: string[] = [];
	const walk = (node: DomNode): void => {
		if (node.nodeType === 3) return void parts.push(node.textContent ?? '');
		if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
		const name = node.nodeName.toUpperCase();
		if (SKIP.has(name)) return;
		if (name === 'BR') return void parts.push('\n');
		const block = BLOCK.has(name);
		if (block) parts.push(BREAK);
		for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
		if (block) parts.push(BREAK);
	};
	walk(root);
	return parts
		.join('')
		.split(BREAK)
		.map((p) =>
			p
				.split('\n')
				.map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
				.filter(Boolean)
				.join('\n'),
		)
		.filter(Boolean)
		.join('\n\n');
}

/**
 * Reads an HTML page into article fields: main text through Readability, metadata from og:/article:
 * tags, JSON-LD and <time>. `url` is where it was fetched from (null for a file, which may then
 * declare its own canonical URL). Throws a UserError naming `source` when no text is found.
 */
export function readHtml(html: string, opts: { url: string | null; source: string }): HtmlArticle {
	const { document } = parseHTML(html);
	const meta = readHtmlMeta(document as unknown as MetaDocument);
	const url = opts.url ?? tryNormalizeUrl(meta.canonical);
	// Readability mutates the document, so metadata is read first; the serializer hands back the node itself.
	const parsed = new Readability<DomNode>(document as never, {
		serializer: (node) => node as unknown as DomNode,
	}).parse();
	let body = parsed?.content ? blockText(parsed.content) : '';
	if (body === '') body = blockText(parseHTML(html).document.body as unknown as DomNode);
	if (body === '') throw new UserError(`${opts.source}: no article text found in the HTML`);
	return {
		url,
		outlet: meta.siteName ?? parsed?.siteName?.trim() ?? (url ? hostOf(url) : null),
		title: meta.title ?? (parsed?.title?.trim() || null),
		published: normalizePublished(meta.published) ?? normalizePublished(parsed?.publishedTime),
		body,
		source: opts.source,
		byline: meta.byline ?? (parsed?.byline?.trim() || null),
	};
}

/** Plain text of an HTML fragment (a feed item's content), one paragraph per block. */
export function htmlFragmentText(html: string): string {
	const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
	return blockText(document.body as unknown as DomNode);
}
