import type { Stance, Statement } from '../src/extract/statement.js';
import { makeArticle } from '../src/ingest/make-article.js';
import type { Store } from '../src/store/store.js';

/** One invented statement to store: a speaker for an actor, a verbatim quote, a stance and the article's metadata. */
export type SeedStatement = {
	speaker: string;
	role: string | null;
	actor: string;
	aboutActor?: string | null;
	quote: string;
	stance: Stance;
	published: string;
	outlet: string;
	url: string;
	title: string;
};

/** Stores each statement in its own article whose body holds the quote at the recorded offsets. */
export async function seedStatements(store: Store, items: SeedStatement[]): Promise<void> {
	for (const item of items) {
		const lead = `${item.title}.\n\n`;
		const sentence = `"${item.quote}," ${item.speaker} said.`;
		const body = `${lead}${sentence}\n\nThe remarks came during a week of talks.`;
		const start = body.indexOf(item.quote);
		const statement: Statement = {
			start,
			end: start + item.quote.length,
			quote: item.quote,
			kind: 'direct',
			speaker: item.speaker,
			speakerAsWritten: item.speaker,
			speakerRole: item.role,
			actor: item.actor,
			aboutActor: item.aboutActor ?? null,
			topic: null,
			stance: item.stance,
			cue: 'said',
			context: sentence,
			confidence: 0.9,
			extractor: 'test',
			extractorVersion: 'test-1',
		};
		const article = makeArticle({
			url: item.url,
			outlet: item.outlet,
			title: item.title,
			published: item.published,
			body,
			source: item.url,
			addedBy: 'test',
		});
		await store.articles.save(article, [statement], 'test-1');
	}
}

/** Invented statements on "peacekeepers": two by Russia (one hostile to Discord formatting) and a claim about Russia. */
export const peacekeepers: SeedStatement[] = [
	{
		speaker: 'Dmitry Peskov',
		role: 'Kremlin spokesman',
		actor: 'Russia',
		quote: 'Any deployment of European peacekeepers in Ukraine is unacceptable to us',
		stance: 'oppose',
		published: '2025-03-10',
		outlet: 'Example Wire',
		url: 'https://wire.example/peskov-peacekeepers',
		title: 'Kremlin rejects peacekeepers plan',
	},
	{
		speaker: 'Sergei Lavrov',
		role: 'Foreign Minister',
		actor: 'Russia',
		quote:
			'@everyone **Peacekeepers** from NATO states <@123456789012345678> would be a legitimate target [click](https://evil.example)',
		stance: 'oppose',
		published: '2025-03-12',
		outlet: 'Daily Example',
		url: 'https://daily.example/lavrov-peacekeepers',
		title: 'Lavrov warns on peacekeepers',
	},
	{
		speaker: 'Keir Starmer',
		role: 'Prime Minister',
		actor: 'United Kingdom',
		aboutActor: 'Russia',
		quote: 'Russia has signalled it could accept peacekeepers under a UN mandate',
		stance: 'support',
		published: '2025-03-14',
		outlet: 'Example Times',
		url: 'https://times.example/starmer-peacekeepers',
		title: 'Starmer says Moscow softening on peacekeepers',
	},
];

/** Many long invented statements on one topic, to force an answer across several messages. */
export function longStatements(count: number): SeedStatement[] {
	const filler =
		'the grain corridor must remain open to ships of every flag, and the security guarantees discussed in Istanbul have to be written down, verified by a third party and respected by every side without exception';
	return Array.from({ length: count }, (_, i) => ({
		speaker: `Official ${i + 1}`,
		role: 'Deputy Foreign Minister',
		actor: 'Turkey',
		quote: `On the grain corridor, point ${i + 1}: ${Array.from({ length: 6 }, () => filler).join('; ')}`,
		stance: i % 3 === 0 ? 'support' : 'mixed',
		published: `2025-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`,
		outlet: `Outlet ${i % 7}`,
		url: `https://outlet${i % 7}.example/grain-${i}`,
		title: `Grain corridor talks, day ${i + 1}`,
	}));
}
