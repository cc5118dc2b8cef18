import { resolveSpeakerInArticle } from '../actors/article.js';
import { detectTopic } from '../topics/detect.js';
import type { ArticleText, Attribution } from './attribution.js';
import { detectAboutActor } from './claims.js';
import { detectStance } from './stance.js';
import type { Statement } from './statement.js';

// A role held on the publication date wins over the latest one ("2025-03-01T…" → "2025-03-01").
const publishedOf = (article: ArticleText): string | null => article.published?.slice(0, 10) ?? null;

/**
 * Adds the resolved speaker, role, actor, topic, stance and about_actor to an attribution: the speaker through the
 * actor registry (with the title seen beside them), the topic from the quote and its sentence (the title breaks
 * ties), the stance from cue lexicons read in the topic's terms, and about_actor when the statement reports another actor's position.
 */
export function enrichStatement(attribution: Attribution, article: ArticleText, version: string): Statement {
	const { start, end, quote, kind, speakerAsWritten, speakerDescriptor, cue, context, confidence } = attribution;
	const resolved = resolveSpeakerInArticle(attribution.speaker, speakerDescriptor, article.body, publishedOf(article));
	const around = context.includes(quote) ? context : `${quote} ${context}`;
	const topic = detectTopic(around, article.title);
	// A statement without topic words is read in the frame of the story's headline ("leave everything as it is").
	const frame = topic ?? (article.title ? detectTopic(article.title, article.title) : null);
	return {
		start,
		end,
		quote,
		kind,
		speaker: resolved.speaker,
		speakerAsWritten,
		speakerRole: resolved.role ?? speakerDescriptor,
		actor: resolved.actor,
		aboutActor: detectAboutActor({ quote, context, kind, cue, actor: resolved.actor }),
		topic: topic?.id ?? null,
		stance: detectStance(quote, context, frame),
		cue,
		context,
		confidence,
		extractor: 'rules',
		extractorVersion: version,
	};
}
