import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { tokenize } from '../actors/normalise.js';
import { registry } from '../actors/registry.js';
import { readYamlFile } from '../actors/yaml-file.js';

const Phrases = z.array(z.string().min(1)).default([]);
// What support and oppose mean for a topic, and the phrases that carry them (read by src/extract/stance.ts).
const TopicStanceSchema = z.object({
	support: z.string().min(1),
	oppose: z.string().min(1),
	event: Phrases,
	undoing: Phrases,
	subject: Phrases,
	cues: z.object({ support: Phrases, oppose: Phrases }).default({ support: [], oppose: [] }),
});
/** A topic's stance reading: what support and oppose mean for it, its event, undoing, subject and cue phrases. */
export type TopicStance = z.infer<typeof TopicStanceSchema>;

const TopicSchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lowercase slug'),
	label: z.string().min(1),
	aliases: z.array(z.string().min(1)).default([]),
	keywords: z.array(z.string().min(1)).default([]),
	anchors: z.array(z.string().min(1)).default([]),
	stance: TopicStanceSchema.optional(),
});
/** A diplomacy topic: slug id, label, aliases that name it alone, keywords that count together, anchors keywords
 * need, and optionally its stance reading. */
export type Topic = z.infer<typeof TopicSchema>;

/** Word form used for matching: normalised, plural "s" dropped ("sanctions" → "sanction"). */
export function stem(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
	return word;
}

/** The stemmed words of a text, hyphens and punctuation read as spaces. */
export const topicWords = (text: string): string[] =>
	tokenize(text).flatMap((t) => (t.norm.includes(' ') ? t.norm.split(' ') : [t.norm]).map(stem));

/** A phrase of the registry: the topic it points to, whether it names the topic alone, and its weight as evidence. */
type Phrase = { topic: Topic; strong: boolean; key: string; weight: number; anchor: boolean };

/** Loads and indexes a topics file; the error names the file and the entry at fault. */
export function loadTopics(file: URL = new URL('./topics.yaml', import.meta.url)) {
	const topics = readYamlFile(file, z.array(TopicSchema));
	const ids = new Set<string>();
	const phrases = new Map<string, Phrase[]>();
	const firstWords = new Map<string, number>();
	const anchored = new Set<Topic>();
	for (const topic of topics) {
		if (ids.has(topic.id)) throw new Error(`${file.pathname}: duplicate id ${topic.id}`);
		ids.add(topic.id);
		const anchors = new Set(topic.anchors.map((a) => topicWords(a).join(' ')));
		const add = (s: string, strong: boolean) => {
			const words = topicWords(s);
			const key = words.join(' ');
			if (!key) return;
			// Keywords must include a place, party or subject word of the topic: "election" and "voters" alone are not
			// Venezuela's election. The topic's anchors are the ones listed, and its keywords that name an actor.
			const anchor = !strong && (anchors.has(key) || registry.index.has(key));
			if (anchor) anchored.add(topic);
			const list = phrases.get(key) ?? [];
			if (!list.some((p) => p.topic === topic)) list.push({ topic, strong, key, weight: strong ? 3 : 1, anchor });
			phrases.set(key, list);
			firstWords.set(words[0] ?? '', Math.max(firstWords.get(words[0] ?? '') ?? 0, words.length));
		};
		for (const a of [topic.label, ...topic.aliases]) add(a, true);
		for (const k of topic.keywords) add(k, false);
	}
	// An actor's name several topics share ("Russia", "Putin") says who is involved, not what about: half weight.
	for (const [key, list] of phrases) {
		const shared = list.filter((p) => !p.strong).length >= 2 && registry.index.has(key);
		for (const p of list) if (!p.strong && shared) p.weight = 0.5;
	}
	return { topics, phrases, firstWords, anchored };
}

/** The topic registry, loaded once from src/topics/topics.yaml. */
export const topicRegistry = loadTopics();

/** Every phrase of the registry found in a text, longest first, left to right. */
export function topicPhrases(text: string): Phrase[] {
	const words = topicWords(text);
	const found: Phrase[] = [];
	for (let i = 0; i < words.length; ) {
		const longest = topicRegistry.firstWords.get(words[i] ?? '') ?? 0;
		let step = 1;
		for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
			const list = topicRegistry.phrases.get(words.slice(i, i + n).join(' '));
			if (list) {
				found.push(...list);
				step = n;
				break;
			}
		}
		i += step;
	}
	return found;
}

/** A topic from its slug, label or an alias; hyphens read as spaces ("black-sea-grain-deal", "grain deal"). */
export function resolveTopic(input: string): Topic | null {
	const key = topicWords(input).join(' ');
	if (!key) return null;
	const byId = topicRegistry.topics.find((t) => topicWords(t.id).join(' ') === key);
	if (byId) return byId;
	const exact = topicRegistry.phrases.get(key) ?? [];
	const strong = exact.find((p) => p.strong);
	if (strong) return strong.topic;
	// A keyword only one topic has ("peace talks", "greenland") names that topic when typed alone.
	if (exact.length === 1 && exact[0]) return exact[0].topic;
	// "russia's position on the grain deal": a single topic named by an alias inside the input.
	const named = new Set(
		topicPhrases(input)
			.filter((p) => p.strong)
			.map((p) => p.topic),
	);
	return named.size === 1 ? ([...named][0] ?? null) : null;
}

/** Up to n topic ids nearest to the input, by edit distance over slugs, labels and aliases. */
export function suggestTopics(input: string, n = 5): string[] {
	const key = topicWords(input).join(' ');
	if (!key) return [];
	const scored = topicRegistry.topics.map((t) => {
		const names = [t.id.replace(/-/g, ' '), t.label, ...t.aliases].map((s) => topicWords(s).join(' '));
		const inputWords = new Set(key.split(' '));
		const overlap = (s: string) => s.split(' ').filter((w) => inputWords.has(w)).length / inputWords.size;
		const score = Math.min(
			...names.map((s) => Math.min(distance(s, key) / Math.max(s.length, key.length), 1 - overlap(s))),
		);
		return { id: t.id, score };
	});
	return scored
		.filter((s) => s.score < 0.6)
		.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
		.slice(0, n)
		.map((s) => s.id);
}

/** Every topic, in the registry's order. */
export function listTopics(): Topic[] {
	return [...topicRegistry.topics];
}

/** Phrases to search full text for a topic: its label and aliases. */
export function topicSearchTerms(topic: Topic): string[] {
	return [...new Set([topic.label, ...topic.aliases])];
}
