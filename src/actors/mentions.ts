import type { AliasEntry, AliasKind, Registry } from './load.js';
import { type Token, tokenize } from './normalise.js';

/** An actor named in a text, with offsets into that text. */
export type ActorMention = {
	start: number;
	end: number;
	text: string;
	actor: AliasEntry['actor'];
	kind: AliasKind;
	/** Who this mention names as a speaker ("Dmitry Peskov", "Kremlin", "Russian Foreign Ministry", "Russian government"). */
	speaker: string;
	entry: AliasEntry;
	/** First token index of the mention and the index just past it, in `tokenize(text)`. */
	from: number;
	to: number;
};

const isUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
const startsUpper = (s: string) => isUpper(s.charAt(0)) || /^\p{N}/u.test(s);

/** Does the text as written fit the alias? Acronyms must be in capitals, names must be capitalised. */
function fits(entry: AliasEntry, words: Token[]): boolean {
	if (entry.acronym) return words.every((w) => isUpper(w.raw) || /^\p{N}+$/u.test(w.raw));
	return startsUpper(words[0]?.raw ?? '');
}

/** The longest alias starting at token i, or null. */
export function aliasAt(registry: Registry, tokens: Token[], i: number): { entry: AliasEntry; to: number } | null {
	const longest = registry.firstWords.get(tokens[i]?.norm ?? '') ?? 0;
	for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
		const words = tokens.slice(i, i + n);
		// A possessive ends a name: "Russia's Foreign Ministry" is Russia, then a ministry.
		if (words.slice(0, -1).some((w) => w.possessive)) continue;
		const list = registry.index.get(words.map((w) => w.norm).join(' '));
		const entry = list?.find((e) => fits(e, words));
		if (entry) return { entry, to: i + n };
	}
	return null;
}

/** The institution noun starting at token i ("foreign ministry", "embassy"), or null. */
export function nounAt(registry: Registry, tokens: Token[], i: number) {
	for (let n = Math.min(registry.nounMaxTokens, tokens.length - i); n >= 1; n--) {
		const noun = registry.nouns.get(
			tokens
				.slice(i, i + n)
				.map((w) => w.norm)
				.join(' '),
		);
		if (noun) return { noun, to: i + n };
	}
	return null;
}

const STATE_REF: ReadonlySet<AliasKind> = new Set(['actor', 'demonym', 'capital']);

/** Every actor mention in a text, longest first, left to right; "Russia's Foreign Ministry" is one mention. */
export function scanMentions(registry: Registry, text: string, tokens: Token[] = tokenize(text)): ActorMention[] {
	const out: ActorMention[] = [];
	for (let i = 0; i < tokens.length; ) {
		const hit = aliasAt(registry, tokens, i);
		if (!hit) {
			i++;
			continue;
		}
		let { to } = hit;
		let kind = hit.entry.kind;
		let speaker = hit.entry.speaker;
		if (STATE_REF.has(kind)) {
			const noun = nounAt(registry, tokens, to);
			if (noun) {
				kind = 'institution';
				to = noun.to;
				const written = text.slice(tokens[i]?.start ?? 0, tokens[to - 1]?.end ?? 0);
				// A state's leaders speak as its government; a group's ("European leaders") only as themselves.
				if (!noun.noun.collective) speaker = `${hit.entry.actor.adjective} ${noun.noun.name}`;
				else speaker = hit.entry.actor.kind === 'country' ? `${hit.entry.actor.adjective} government` : written;
			}
		}
		const start = tokens[i]?.start ?? 0;
		const end = tokens[to - 1]?.end ?? start;
		out.push({
			start,
			end,
			text: text.slice(start, end),
			actor: hit.entry.actor,
			kind,
			speaker,
			entry: hit.entry,
			from: i,
			to,
		});
		i = to;
	}
	return out;
}
