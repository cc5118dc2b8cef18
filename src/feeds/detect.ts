// Skips the XML prolog, comments, processing instructions and a doctype to reach the root element.
const ROOT = /^(?:\uFEFF)?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/;

/** The document's root element name ("rss", "feed", "rdf:RDF", "html"), or null when it is not markup. */
export function rootElement(text: string): string | null {
	return text.slice(0, 4096).match(ROOT)?.[1] ?? null;
}

/** True when the text is an RSS, Atom or RDF feed, judged by its root element. */
export function isFeedXml(text: string): boolean {
	const root = rootElement(text)?.toLowerCase();
	return root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root === 'channel';
}
