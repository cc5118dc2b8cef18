import { type Topic, topicPhrases, topicRegistry, topicWords } from './registry.js';

const STRONG = 3;
const ENOUGH = 2;
// Words that say a statement is about "the deal" without saying which: the article title says which.
const GENERIC = new Set(
	topicWords('deal agreement accord talks negotiations process treaty plan proposal ceasefire truce'),
);

type Evidence = { score: number; anchored: boolean };

function score(text: string): Map<Topic, Evidence> {
	const scores = new Map<Topic, Evidence>();
	const seen = new Set<string>();
	for (const p of topicPhrases(text)) {
		// A phrase counts once per topic: "grain ... grain ... grain" is one piece of evidence.
		const id = `${p.topic.id}\u0000${p.key}`;
		if (seen.has(id)) continue;
		seen.add(id);
		const e = scores.get(p.topic) ?? { score: 0, anchored: !topicRegistry.anchored.has(p.topic) };
		scores.set(p.topic, { score: e.score + p.weight, anchored: e.anchored || p.anchor || p.strong });
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
	const titleScores = articleTitle ? score(articleTitle) : new Map<Topic, Evidence>();
	let best: Topic | null = null;
	let bestScore = 0;
	for (const [topic, { score: s, anchored }] of scores) {
		const title = titleScores.get(topic)?.score ?? 0;
		const supported = (s >= ENOUGH && anchored) || (s >= 1 && title >= STRONG);
		if (!supported) continue;
		const total = s + title / 10;
		if (total > bestScore) {
			best = topic;
			bestScore = total;
		}
	}
	if (best || !articleTitle || !topicWords(text).some((w) => GENERIC.has(w))) return best;
	const named = [...titleScores].map(([t, e]) => [t, e.score] as const).filter(([, s]) => s >= STRONG);
	named.sort((a, b) => b[1] - a[1]);
	return named.length === 1 || (named[0] && named[1] && named[0][1] > named[1][1]) ? (named[0]?.[0] ?? null) : null;
}
