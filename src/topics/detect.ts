import { type Topic, topicPhrases } from './registry.js';

const STRONG = 3;
const KEYWORD = 1;
const ENOUGH = 2;

function score(text: string): Map<Topic, number> {
	const scores = new Map<Topic, number>();
	const seen = new Set<string>();
	for (const p of topicPhrases(text)) {
		// A phrase counts once per topic: "grain ... grain ... grain" is one piece of evidence.
		const id = `${p.topic.id}\u0000${p.key}`;
		if (seen.has(id)) continue;
		seen.add(id);
		scores.set(p.topic, (scores.get(p.topic) ?? 0) + (p.strong ? STRONG : KEYWORD));
	}
	return scores;
}

/**
 * The best topic for a quote and its context sentence, or null when nothing in them supports one.
 * The article title never chooses a topic alone: it breaks ties, and confirms a topic the text gives one keyword for.
 */
export function detectTopic(text: string, articleTitle?: string | null): Topic | null {
	const scores = score(text);
	const titleScores = articleTitle ? score(articleTitle) : new Map<Topic, number>();
	let best: Topic | null = null;
	let bestScore = 0;
	for (const [topic, s] of scores) {
		const title = titleScores.get(topic) ?? 0;
		const supported = s >= ENOUGH || title >= STRONG;
		if (!supported) continue;
		const total = s + title / 10;
		if (total > bestScore) {
			best = topic;
			bestScore = total;
		}
	}
	return best;
}
