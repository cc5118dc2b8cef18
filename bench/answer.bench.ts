import { findQuotes } from '../src/answer/find-quotes.js';
import { answerFollowUp } from '../src/answer/follow-up.js';
import { answerStance } from '../src/answer/stance.js';
import { parseConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import type { Stance, Statement } from '../src/extract/statement.js';
import { makeArticle } from '../src/ingest/make-article.js';
import type { Llm } from '../src/llm/llm.js';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import type { BenchRow, BenchSuite } from './row.js';

const ARTICLES = 2_000;
const PER_ARTICLE = 5;
const RUNS = 30;
const ACTORS = [
	'Russia',
	'United States',
	'China',
	'Ukraine',
	'France',
	'Germany',
	'Turkey',
	'India',
	'Brazil',
	'Japan',
];
const TOPICS: [string, string][] = [
	['european-peacekeepers-ukraine', 'peacekeepers in Ukraine'],
	['black-sea-grain-deal', 'the Black Sea grain deal'],
	['frozen-russian-assets', 'frozen Russian assets'],
	['south-china-sea', 'the South China Sea'],
	['aukus', 'the AUKUS submarine pact'],
	['us-tariffs', 'tariffs'],
	['ukraine-peace-talks', 'peace talks'],
	['taiwan', 'the Taiwan Strait'],
];
const STANCES: Stance[] = ['support', 'oppose', 'oppose', 'mixed', 'neutral'];

// Invented statements (nothing from the eval data): a corpus of 10,000 statements over two years.
async function seedCorpus(store: Store): Promise<void> {
	for (let i = 0; i < ARTICLES; i++) {
		const [topic, words] = TOPICS[i % TOPICS.length] as [string, string];
		let body = '';
		const statements: Statement[] = [];
		for (let k = 0; k < PER_ARTICLE; k++) {
			const actor = ACTORS[(i + k) % ACTORS.length] as string;
			const quote = `Our position on ${words} is unchanged after meeting ${i}, and we will say so again in round ${k}.`;
			const sentence = `Spokesperson ${actor} ${k} said "${quote}" at a briefing.`;
			const start = body.length + sentence.indexOf(quote);
			body += `${sentence}\n\n`;
			statements.push({
				start,
				end: start + quote.length,
				quote,
				kind: k % 2 === 0 ? 'direct' : 'indirect',
				speaker: `Spokesperson ${actor} ${k}`,
				speakerAsWritten: 'the spokesperson',
				speakerRole: 'spokesperson',
				actor,
				aboutActor: k === 4 ? (ACTORS[(i + 1) % ACTORS.length] as string) : null,
				topic: k === 3 ? null : topic,
				stance: STANCES[(i + k) % STANCES.length] as Stance,
				cue: 'said',
				context: sentence,
				confidence: 0.8,
				extractor: 'bench',
				extractorVersion: '1',
			});
		}
		const day = new Date(Date.UTC(2023, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
		const article = makeArticle({
			url: `https://bench.example/answer/${i}`,
			outlet: `Outlet ${i % 13}`,
			title: `Report ${i} on ${words}`,
			published: day,
			body,
			source: 'bench',
		});
		await store.articles.save(article, statements, '1');
	}
}

async function timeRuns(fn: (i: number) => Promise<unknown>): Promise<{ median: number; p95: number }> {
	const ms: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await fn(i);
		ms.push(performance.now() - t);
	}
	ms.sort((a, b) => a - b);
	return { median: ms[Math.floor(ms.length / 2)] ?? 0, p95: ms[Math.floor(ms.length * 0.95)] ?? 0 };
}

// An instant model: measures our side of the LLM path (selection, token estimate, limits, usage record).
const instantLlm: Llm = {
	async summarizeStance({ statements }) {
		const usage = {
			model: 'bench',
			inputTokens: 1_000,
			outputTokens: 100,
			cacheReadTokens: 0,
			cacheWriteTokens: 0,
			costUsd: 0,
			estimated: true,
		};
		return {
			segments: [{ text: 'Summary.', citations: statements.map((_, i) => i).slice(0, 3) }],
			usage,
			requestId: null,
		};
	},
	followUp: () => Promise.reject(new Error('not used')),
};

const row = (c: string, r: { median: number; p95: number }, note: string): BenchRow => ({
	suite: 'answer',
	case: c,
	value: `${r.median.toFixed(1)} ms`,
	note: `median of ${RUNS}; p95 ${r.p95.toFixed(1)} ms; ${note}`,
});

/** /stance, /quotes and follow-up latency on a 10,000-statement PGlite corpus, in process. */
export const answerBench: BenchSuite = {
	name: 'answer',
	async run(): Promise<BenchRow[]> {
		const store = await openStore('memory:', createSilentLogger());
		try {
			await seedCorpus(store);
			const deps: Deps = {
				config: parseConfig({}),
				log: createSilentLogger(),
				store,
				llm: null,
				now: () => new Date('2025-01-01'),
			};
			const corpus = `${ARTICLES * PER_ARTICLE} statements`;
			const pick = (i: number) => ({
				actor: ACTORS[i % ACTORS.length] as string,
				topic: (TOPICS[i % TOPICS.length] as [string, string])[0],
			});
			const rows: BenchRow[] = [];
			rows.push(
				row('/stance, registry topic (extractive)', await timeRuns((i) => answerStance(pick(i), deps)), corpus),
			);
			rows.push(
				row(
					'/stance, free-text topic (extractive)',
					await timeRuns((i) => answerStance({ actor: pick(i).actor, topic: `meeting ${i * 7}` }, deps)),
					corpus,
				),
			);
			const withLlm = { ...deps, llm: instantLlm, config: parseConfig({ LLM_DAILY_TOKEN_BUDGET: '1000000000' }) };
			rows.push(
				row(
					'/stance, LLM path with an instant model',
					await timeRuns((i) => answerStance(pick(i), withLlm)),
					'our overhead only',
				),
			);
			rows.push(row('/quotes page 1', await timeRuns((i) => findQuotes({ actor: pick(i).actor }, deps)), corpus));
			const b = await answerStance(pick(0), deps);
			const thread = {
				actor: b.actor.name,
				topic: b.topic.input,
				statementIds: b.quotes.map((q) => q.statementId),
				turns: [],
			};
			rows.push(
				row(
					'follow-up naming another topic (extractive)',
					await timeRuns(() => answerFollowUp({ question: 'And on the grain deal?', thread }, deps)),
					corpus,
				),
			);
			return rows;
		} finally {
			await store.close();
		}
	},
};
