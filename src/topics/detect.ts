import { type Topic, topicPhrases, topicWords } from './registry.js';

const STRONG = 3;
const ENOUGH = 2;
// Words that say a statement is about "the deal" without saying which: the article title says which.
const GENERIC = new Set(
	topicWords('deal agreement accord talks negotiations process treaty plan proposal ceasefire truce'),
);

function score(text: string): Map<Topic, number> {
	const scores = new Map<Topic, number>();
	const seen = new Set<string>();
	for (const p of topicPhrases(text)) {
		// A phrase counts once per topic: "grain ... grain ... grain" is one piece of evidence.
		const id = `${p.topic.id}\u0000${p.key}`;
		if (seen.has(id)) continue;
		seen.add(id);
		scores.set(p.topic, (scores.get(p.topic) ?? 0) + p.weight);
	}
	return scores;
}

/**
 * The best topic for a quote and its context sentence, or null when nothing in them supports one.
 * The article title never chooses a topic alone: it breaks ties, confirms a topic the text gives a keyword for,
 * and says which topic a generic "the deal" or "the talks" in the text is about.
 */
export function detectTopic(text: string, articleTitle?: string | null): Topic | null {
	const scores = score(text);
	const titleScores = articleTitle ? score(articleTitle) : new Map<Topic, number>();
	let best: Topic | null = null;
	let bestScore = 0;
	for (const [topic, s] of scores) {
		const title = titleScores.get(topic) ?? 0;
		const supported = s >= ENOUGH || (s >= 1 && title >= STRONG);
		if (!supported) continue;
		const total = s + title / 10;
		if (total > bestScore) {
			best = topic;
			bestScore = total;
		}
	}
	if (best || !articleTitle || !topicWords(text).some((w) => GENERIC.has(w))) return best;
	const named = [...titleScores].filter(([, s]) => s >= STRONG).sort((a, b) => b[1] - a[1]);
	return named.length === 1 || (named[0] && named[1] && named[0][1] > named[1][1]) ? (named[0]?.[0] ?? null) : null;
}
