/** A person's grammatical gender, when the text or the first name tells it. */
export type Gender = 'm' | 'f' | null;
/** A person introduced in the article. */
export type Person = {
	name: string;
	words: string[];
	descriptors: string[];
	gender: Gender;
	first: number;
	titled: boolean;
};
/** A person or organisation in focus at an offset: a sentence subject or a speaker. */
export type Salient = { at: number; name: string; person: boolean; speaker?: boolean; plural?: boolean };

/** Generational suffixes, never a surname. */
export const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
/** Titles and role words that tell a woman. */
export const FEMALE =
	/\b(ms|mrs|miss|madam|spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|duchess|lady|dame)\b/i;
/** Titles and role words that tell a man. */
export const MALE = /\b(mr|spokesman|chairman|congressman|businessman|king|prince|duke|lord|sir)\b/i;
/** Head nouns of collective speakers ("the company"), never a person in focus. */
export const COLLECTIVE =
	/^(company|city|agency|union|government|ministry|police|council|commission|department|board|court|party|group|report|study|statement|survey|data|organization|organisation|office|embassy|administration|army|military|team|club|province|state|country|university|school|hospital|association|firm|bank|committee|authority|authorities|campaign|coalition|opposition|band|league|service|network|newspaper|station|website)$/;
/** Head nouns that refer back to a named organisation ("the ministry"). */
export const ORG_HEAD =
	/^(ministry|embassy|government|department|office|agency|council|commission|company|party|utility|group|organization|organisation|firm|union|association|board|authority|service|institute|foundation|bank|court|coalition|alliance|league|team|club|network|administration|committee)$/;
/** Documents that speak for whoever issued them ("the statement said"). */
export const DOCUMENT =
	/^(statement|report|release|post|letter|memo|document|communique|communiqué|tweet|message|notice|filing|complaint|lawsuit|suit|study|survey)$/;
/** Lower-cased words of a name. */
export const words = (s: string): string[] =>
	s
		.toLowerCase()
		.split(/[\s-]+/)
		.filter(Boolean);
/** The last word of a name that is not a suffix. */
export const surname = (ws: string[]): string => [...ws].reverse().find((w) => !SUFFIX.test(w)) ?? '';
/** A name without accents, for comparison. */
export const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
