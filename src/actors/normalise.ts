/** Lowercase, strip accents, drop possessive 's and punctuation: "U.S." → "u s", "Russia's" → "russia". */
export function normaliseName(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** A word of a text with its offsets in that text. */
export type Token = {
	/** Normalised form (lowercase, no accents). */
	norm: string;
	/** As written. */
	raw: string;
	start: number;
	end: number;
	/** Followed by a possessive 's ("Russia's"). */
	possessive: boolean;
};

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[A-Za-z0-9]+$/;

/** Splits text into words, folding a possessive 's into the word before it. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const m of text.matchAll(WORD)) {
		const raw = m[0];
		const start = m.index ?? 0;
		const prev = tokens.at(-1);
		const apostrophe = text[start - 1];
		if (prev && (raw === 's' || raw === 'S') && (apostrophe === "'" || apostrophe === '’') && prev.end === start - 1) {
			prev.possessive = true;
			continue;
		}
		tokens.push({
			norm: ASCII.test(raw) ? raw.toLowerCase() : normaliseName(raw),
			raw,
			start,
			end: start + raw.length,
			possessive: false,
		});
	}
	return tokens;
}
