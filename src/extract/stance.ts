import type { Topic } from '../topics/registry.js';
import { readEvidence, type StanceEvidence } from './stance-evidence.js';
import { loadStanceCues, stanceTokens } from './stance-lexicon.js';
import type { Stance } from './statement.js';
import { topicStanceCues } from './topic-stance.js';

export type { StanceEvidence } from './stance-evidence.js';
export { loadStanceCues, stanceTokens } from './stance-lexicon.js';

const lexicon = loadStanceCues();

/** Reads the cues of a text, with the stance phrases of its topic when it has one (see topics.yaml `stance`). */
export function stanceEvidence(text: string, topic?: Topic | null): StanceEvidence {
	return readEvidence(stanceTokens(text), lexicon, topicStanceCues(topic));
}

/** The words of the context around the quote, without the quote: where the reporting verb is. */
function frame(text: string, context: string): string {
	const at = context.indexOf(text);
	return at < 0 ? '' : `${context.slice(0, at)} ${context.slice(at + text.length)}`;
}

/**
 * The stance a statement takes toward its topic, from cue lexicons: "welcomed", "ready to" → support;
 * "rejects", "an act of aggression", "would not accept", "cannot be bought" → oppose; conditions ("only after a
 * ceasefire", "once X is implemented") or cues of both kinds across a turn ("but") → mixed; neutral when no cue
 * decides. The topic's reading turns cues about its undoing around ("lift the sanctions" opposes sanctions).
 * The context's reporting verb ("denied that", "welcomed") counts too.
 */
export function detectStance(text: string, context?: string | null, topic?: Topic | null): Stance {
	const ev = stanceEvidence(text, topic);
	for (const w of context ? stanceTokens(frame(text, context)) : []) {
		if (lexicon.cueSupport.has(w)) ev.support += 1;
		if (lexicon.cueOppose.has(w)) ev.oppose += 1;
	}
	// A stated condition is a position held on terms; cues of both kinds in like measure are a split position.
	if (ev.condition) return 'mixed';
	const [low, high] = ev.support < ev.oppose ? [ev.support, ev.oppose] : [ev.oppose, ev.support];
	if (high === 0) return 'neutral';
	if (low / high >= 0.5) return 'mixed';
	return ev.support > ev.oppose ? 'support' : 'oppose';
}
