import type { Doc, Token } from './doc.js';

const CONNECTOR = /^(of|and|the|for|on|in|&|,)$/;

/**
 * Acronyms the article defines, "Immigration, Refugees and Citizenship Canada (IRCC)": acronym → full name, so a
 * later "IRCC said" names the organisation as introduced.
 */
export function definedAcronyms(doc: Doc): Map<string, string> {
	const { tokens, body } = doc;
	const out = new Map<string, string>();
	for (let i = 1; i + 2 < tokens.length; i++) {
		const acronym = tokens[i + 1] as Token;
		if (tokens[i]?.text !== '(' || tokens[i + 2]?.text !== ')' || !/^[A-Z][A-Z&]{1,7}$/.test(acronym.text)) continue;
		let k = i - 1;
		while (
			k >= 0 &&
			tokens[k]?.quote === -1 &&
			(/^\p{Lu}/u.test(tokens[k]?.text ?? '') || CONNECTOR.test(tokens[k]?.lower ?? ''))
		)
			k--;
		let from = k + 1;
		while (from < i && CONNECTOR.test(tokens[from]?.lower ?? '')) from++;
		const words = tokens.slice(from, i).filter((t) => /^\p{Lu}/u.test(t.text));
		// The acronym's letters must start capitalised words of the name, in order.
		let at = 0;
		for (const w of words) if (w.text[0] === acronym.text[at]) at++;
		if (words.length < 2 || at < Math.min(acronym.text.length, words.length) - 1) continue;
		out.set(acronym.text, body.slice((tokens[from] as Token).start, (tokens[i - 1] as Token).end));
	}
	return out;
}
