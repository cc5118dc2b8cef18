import { parseConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import type { Stance, Statement, StatementKind } from '../src/extract/statement.js';
import { makeArticle } from '../src/ingest/make-article.js';
import type { Llm } from '../src/llm/llm.js';
import { createSilentLogger, type Logger } from '../src/log.js';
import type { Store } from '../src/store/store.js';

/** One statement to seed: the words and the labels an extractor would have given them. */
export type StatementSpec = {
	quote: string;
	speaker: string;
	actor: string | null;
	aboutActor?: string | null;
	topic?: string | null;
	stance?: Stance | null;
	kind?: StatementKind;
	role?: string | null;
	/** Extra words in the sentence around the quote (searched by full text). */
	context?: string;
};

/** One article to seed; its body is built from the statements so every quote is a verbatim span. */
export type ArticleSpec = {
	url?: string | null;
	outlet?: string | null;
	title?: string | null;
	published?: string | null;
	statements: StatementSpec[];
};

let counter = 0;

/** Saves each article with its statements, as ingest would; returns the article ids. */
export async function seed(store: Store, articles: ArticleSpec[]): Promise<number[]> {
	const ids: number[] = [];
	for (const a of articles) {
		let body = '';
		const statements: Statement[] = [];
		for (const s of a.statements) {
			const before = `${s.speaker} said: "`;
			const start = body.length + before.length;
			const sentence = `${before}${s.quote}" ${s.context ?? ''}`.trim();
			body += `${sentence}\n\n`;
			statements.push({
				start,
				end: start + s.quote.length,
				quote: s.quote,
				kind: s.kind ?? 'direct',
				speaker: s.speaker,
				speakerAsWritten: s.speaker,
				speakerRole: s.role ?? null,
				actor: s.actor,
				aboutActor: s.aboutActor ?? null,
				topic: s.topic ?? null,
				stance: s.stance ?? null,
				cue: 'said',
				context: sentence,
				confidence: 0.9,
				extractor: 'test',
				extractorVersion: '1',
			});
		}
		const article = makeArticle({
			url: a.url === undefined ? `https://news.example/${++counter}` : a.url,
			outlet: a.outlet ?? 'Example News',
			title: a.title ?? null,
			published: a.published ?? null,
			body,
			source: 'test',
		});
		const saved = await store.articles.save(article, statements, '1');
		ids.push(saved.id);
	}
	return ids;
}

/** Deps around a real store: silent log, no LLM unless given, a fixed clock unless given. */
export function depsFor(
	store: Store,
	options: { llm?: Llm | null; now?: () => Date; env?: Record<string, string>; log?: Logger } = {},
): Deps {
	return {
		config: parseConfig(options.env ?? {}),
		log: options.log ?? createSilentLogger(),
		store,
		llm: options.llm ?? null,
		now: options.now ?? (() => new Date('2025-04-28T12:00:00Z')),
	};
}

/** The seed article's situation in miniature: Trump's claim about Russia, and Russia's own rejections. */
export const peacekeepersArticle: ArticleSpec = {
	url: 'https://news.example/russia-peacekeepers',
	outlet: 'Example Wire',
	title: 'Russia rejects European peacekeepers in Ukraine',
	published: '2025-02-25',
	statements: [
		{
			quote: 'Russia would accept European peacekeepers in Ukraine',
			speaker: 'Donald Trump',
			actor: 'United States',
			aboutActor: 'Russia',
			topic: 'european-peacekeepers-ukraine',
			stance: 'support',
			kind: 'indirect',
		},
		{
			quote: 'Moscow would regard the deployment of NATO forces to Ukraine as an act of aggression',
			speaker: 'Sergei Lavrov',
			role: 'Russian Foreign Minister',
			actor: 'Russia',
			topic: 'european-peacekeepers-ukraine',
			stance: 'oppose',
			kind: 'indirect',
		},
		{
			quote: 'There is a position on this matter. I have nothing to add to this.',
			speaker: 'Dmitry Peskov',
			role: 'Kremlin spokesperson',
			actor: 'Russia',
			topic: null,
			stance: 'oppose',
		},
		{
			quote: 'We continue to work with Russia and Ukraine for peace',
			speaker: 'Brian Hughes',
			actor: 'United States',
			topic: 'ukraine-peace-talks',
			stance: 'support',
		},
	],
};
