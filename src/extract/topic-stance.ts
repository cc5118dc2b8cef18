import type { Topic } from '../topics/registry.js';
import { type CueIndex, type CueKind, cuesOf, CueIndex as Index } from './stance-lexicon.js';

// Compiled once per topic object: the registry is loaded once, tests load their own.
const compiled = new WeakMap<Topic, CueIndex<CueKind> | null>();

/**
 * The stance phrases of a topic, from its `stance` entry in the registry: events (the topic going ahead: "acquire"),
 * undoings (the topic reversed or halted: "lift", "halt"), subject words (its own matter: "sanctions") and
 * topic-specific support and oppose cues. Null for a topic without a stance entry or for no topic.
 */
export function topicStanceCues(topic: Topic | null | undefined): CueIndex<CueKind> | null {
	if (!topic?.stance) return null;
	const known = compiled.get(topic);
	if (known !== undefined) return known;
	const s = topic.stance;
	const index = new Index<CueKind>([
		...cuesOf(s.event, 'event', 1),
		...cuesOf(s.undoing, 'undoing', 2),
		...cuesOf(s.subject, 'subject', 0),
		...cuesOf(s.cues.support, 'support', 2),
		...cuesOf(s.cues.oppose, 'oppose', 2),
	]);
	compiled.set(topic, index);
	return index;
}
