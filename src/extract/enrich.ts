import type { ArticleText, Attribution } from './attribution.js';
import type { Statement } from './statement.js';

/** Adds role, actor, topic, stance and about_actor to an attribution. Placeholder until the registries land. */
export function enrichStatement(attribution: Attribution, _article: ArticleText, version: string): Statement {
	const { start, end, quote, kind, speaker, speakerAsWritten, speakerDescriptor, cue, context, confidence } =
		attribution;
	return {
		start,
		end,
		quote,
		kind,
		speaker,
		speakerAsWritten,
		speakerRole: speakerDescriptor,
		actor: null,
		aboutActor: null,
		topic: null,
		stance: null,
		cue,
		context,
		confidence,
		extractor: 'rules',
		extractorVersion: version,
	};
}
