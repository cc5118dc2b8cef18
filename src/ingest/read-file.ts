import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { rootElement } from '../feeds/detect.js';
import { formatBytes } from './fetch.js';
import { hasFrontMatter, parseMarkdownArticle, plainArticle } from './front-matter.js';
import { readHtml } from './html.js';
import type { ArticleFields } from './make-article.js';

/** Extensions a directory expands to; other files are read only when named explicitly. */
export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

/**
 * Reads a file as UTF-8 text, refusing what cannot be an article: missing, a directory, larger than
 * `maxBytes`, empty, or binary. Each refusal is a UserError that names the file.
 */
export async function readTextFile(path: string, maxBytes: number): Promise<string> {
	let size: number;
	try {
		const info = await stat(path);
		if (info.isDirectory()) throw new UserError(`${path}: is a directory with no .md, .txt or .html files`);
		size = info.size;
	} catch (err) {
		if (err instanceof UserError) throw err;
		const code = (err as NodeJS.ErrnoException).code;
		throw new UserError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? err})`);
	}
	if (size > maxBytes) throw new UserError(`${path}: larger than ${formatBytes(maxBytes)}`);
	const bytes = await readFile(path);
	if (bytes.length === 0) throw new UserError(`${path}: empty file`);
	if (bytes.subarray(0, 8192).includes(0)) throw new UserError(`${path}: binary file, not text`);
	try {
		// Drop a UTF-8 byte order mark: it would hide the front matter's opening '---'.
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		throw new UserError(`${path}: not UTF-8 text (binary or another encoding)`);
	}
}

/** How a file's text should be read: by extension first, then by what it starts with. */
export function fileKind(path: string, text: string): 'markdown' | 'html' | 'text' | 'feed' {
	const ext = extname(path).toLowerCase();
	const root = rootElement(text)?.toLowerCase();
	if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
	if (ext === '.html' || ext === '.htm' || root === 'html') return 'html';
	// Front matter is honoured whatever the extension, as the eval scorer's readBody does.
	if (hasFrontMatter(text) || ext === '.md' || ext === '.markdown') return 'markdown';
	return 'text';
}

/** Turns a non-feed file's text into article fields (markdown with front matter, HTML, or plain text). */
export function articleFromFile(path: string, text: string): ArticleFields {
	if (text.trim() === '') throw new UserError(`${path}: empty file`);
	switch (fileKind(path, text)) {
		case 'markdown':
			return parseMarkdownArticle(text, path);
		case 'html': {
			const { byline: _byline, ...fields } = readHtml(text, { url: null, source: path });
			return fields;
		}
		default:
			return plainArticle(text, path);
	}
}
