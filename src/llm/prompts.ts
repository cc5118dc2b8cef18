import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));
const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi;
const templates = new Map<string, string>();

function template(name: string): string {
	if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid prompt name: ${JSON.stringify(name)}`);
	let text = templates.get(name);
	if (text === undefined) {
		text = readFileSync(`${PROMPTS_DIR}${name}.md`, 'utf8').trim();
		templates.set(name, text);
	}
	return text;
}

/** The placeholders a prompt template uses, e.g. ["max_words"] for "{{max_words}}". */
export function promptPlaceholders(name: string): string[] {
	return [...new Set([...template(name).matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Reads prompts/<name>.md (once per process) and fills its {{placeholders}}. Throws when the template uses a
 * placeholder that `vars` lacks, or `vars` has a key the template does not use: a prompt never ships half-filled.
 */
export function loadPrompt(name: string, vars: Record<string, string | number> = {}): string {
	const used = promptPlaceholders(name);
	const missing = used.filter((key) => !(key in vars));
	const unknown = Object.keys(vars).filter((key) => !used.includes(key));
	if (missing.length > 0 || unknown.length > 0) {
		throw new Error(
			`Prompt ${name}.md: ${missing.length > 0 ? `missing ${missing.join(', ')}` : ''}${missing.length > 0 && unknown.length > 0 ? '; ' : ''}${unknown.length > 0 ? `unknown ${unknown.join(', ')}` : ''}`,
		);
	}
	return template(name).replace(PLACEHOLDER, (_, key: string) => String(vars[key]));
}
