import { describe, expect, it } from 'vitest';
import { aggregateStance, type StanceEvidence } from '../src/answer/aggregate.js';
import type { BriefingQuote } from '../src/answer/briefing.js';
import { pairDenials } from '../src/answer/claims.js';
import { extractiveSummary } from '../src/answer/extractive.js';
import { collapseSyndicated } from '../src/answer/syndication.js';
import { buildTimeline, describeStaleness, findStanceChange, lastOnRecord } from '../src/answer/timeline.js';
import type { StoredStatement } from '../src/store/store.js';

const ev = (stance: StanceEvidence['stance'], published: string | null, kind: 'direct' | 'indirect' = 'direct') => ({
	stance,
	kind,
	published,
	confidence: 0.9,
});

let nextId = 1;
function stored(over: Partial<StoredStatement>): StoredStatement {
	const id = nextId++;
	return {
		id,
		articleId: id,
		start: 0,
		end: 10,
		quote: 'We will never accept foreign troops on Ukrainian soil.',
		kind: 'direct',
		speaker: 'Sergei Lavrov',
		speakerAsWritten: 'Lavrov',
		speakerRole: null,
		actor: 'Russia',
		aboutActor: null,
		topic: 'european-peacekeepers-ukraine',
		stance: 'oppose',
		cue: 'said',
		context: '',
		confidence: 0.9,
		extractor: 'test',
		extractorVersion: '1',
		url: `https://news.example/${id}`,
		outlet: 'Example',
		title: null,
		published: '2025-02-25',
		relevance: 0,
		...over,
	};
}

function quote(n: number, over: Partial<BriefingQuote> = {}): BriefingQuote {
	return {
		n,
		statementId: n * 10,
		quote: `quote ${n}`,
		kind: 'direct',
		speaker: 'Dmitry Peskov',
		speakerRole: null,
		actor: 'Russia',
		aboutActor: null,
		topic: 'black-sea-grain-deal',
		stance: 'oppose',
		url: null,
		outlet: null,
		outlets: [],
		title: null,
		published: '2025-03-12',
		...over,
	};
}

describe('overall stance', () => {
	it('follows the statements when they agree, and says why', () => {
		const v = aggregateStance([ev('oppose', '2025-02-25'), ev('oppose', '2025-02-20'), ev('neutral', '2025-02-25')]);
		expect(v.stance).toBe('oppose');
		expect(v.reason).toBe('2 of 3 statements oppose (2 oppose, 1 neutral); the newest (25 Feb 2025) opposes');
	});

	it('is mixed when the statements point both ways', () => {
		const v = aggregateStance([ev('support', '2025-02-25'), ev('oppose', '2025-02-25')]);
		expect(v.stance).toBe('mixed');
		expect(v.reason).toContain('both ways');
	});

	it('is mixed when most statements are conditional', () => {
		expect(aggregateStance([ev('mixed', null), ev('mixed', null), ev('oppose', null)]).stance).toBe('mixed');
	});

	it('is neutral when no statement takes a side', () => {
		const v = aggregateStance([ev('neutral', null), ev(null, null)]);
		expect(v).toEqual({ stance: 'neutral', reason: 'none of the 2 statements takes a side' });
	});

	it('lets a recent position outweigh one abandoned years ago', () => {
		const v = aggregateStance([ev('support', '2025-03-01'), ev('oppose', '2022-01-10'), ev('oppose', '2022-01-05')]);
		expect(v.stance).toBe('support');
	});

	it('is mixed when the position flipped recently', () => {
		expect(aggregateStance([ev('support', '2025-03-01'), ev('oppose', '2025-02-01')]).stance).toBe('mixed');
	});

	it("weighs the speaker's own words above a reporter's paraphrase", () => {
		const evidence = [ev('support', null, 'direct'), ev('support', null, 'direct')];
		const paraphrases = [ev('mixed', null, 'indirect'), ev('mixed', null, 'indirect')];
		expect(aggregateStance([...evidence, ...paraphrases]).stance).toBe('support');
		expect(
			aggregateStance([...evidence.map((e) => ({ ...e, kind: 'indirect' as const })), ...paraphrases]).stance,
		).toBe('mixed');
	});
});

describe('syndicated copies', () => {
	it('collapse into one quote listing every outlet, shown from the earliest copy', () => {
		const words = 'The West imposed sanctions against Russia without taking into account the needs of the world.';
		const groups = collapseSyndicated([
			stored({ quote: words, outlet: 'WHBL', published: '2023-08-03' }),
			stored({ quote: `“${words}”`, outlet: 'Reuters', published: '2023-08-02' }),
			stored({ quote: words.replace('world', 'world '), outlet: 'WTVB', published: null }),
			stored({ quote: 'Another statement entirely, about something else.', outlet: 'TASS' }),
		]);
		expect(groups).toHaveLength(2);
		expect(groups[0]?.statement.outlet).toBe('Reuters');
		expect(groups[0]?.outlets).toEqual(['Reuters', 'WHBL', 'WTVB']);
	});

	it('keep short stock phrases by different speakers apart', () => {
		const groups = collapseSyndicated([
			stored({ quote: 'No.', speaker: 'Peskov' }),
			stored({ quote: 'No.', speaker: 'Blinken' }),
		]);
		expect(groups).toHaveLength(2);
	});
});

describe('timeline', () => {
	it('says how old the last on-record statement is', () => {
		const quotes = [quote(1, { published: '2025-03-12T09:00:00Z' }), quote(2, { published: '2024-11-02' })];
		const last = lastOnRecord(quotes, new Date('2025-04-28T18:00:00Z'));
		expect(last).toEqual({ date: '2025-03-12', daysAgo: 47 });
		expect(describeStaleness(last as NonNullable<typeof last>)).toBe(
			'last on-record statement 12 Mar 2025 (47 days ago)',
		);
	});

	it('has no staleness when nothing is dated, and lists undated statements last', () => {
		const quotes = [quote(1, { published: null }), quote(2, { published: '2024-01-01' })];
		expect(lastOnRecord([quotes[0] as BriefingQuote], new Date())).toBeNull();
		expect(buildTimeline(quotes).map((p) => p.n)).toEqual([2, 1]);
	});

	it('shows a change of position with the two quotes that mark it', () => {
		const quotes = [
			quote(1, { stance: 'support', published: '2025-03-12' }),
			quote(2, { stance: 'support', published: '2025-01-05' }),
			quote(3, { stance: 'oppose', published: '2024-11-02' }),
			quote(4, { stance: 'oppose', published: '2024-06-01' }),
		];
		expect(findStanceChange(quotes)).toEqual({ from: 3, to: 2 });
		expect(findStanceChange(quotes.map((q) => ({ ...q, stance: 'oppose' as const })))).toBeNull();
	});
});

describe('claims about the actor', () => {
	it("are paired with the actor's own statements that contradict them, same report first", () => {
		const own = [
			quote(1, { statementId: 11 }),
			quote(2, { statementId: 12 }),
			quote(3, { statementId: 13, stance: 'support' }),
		];
		const claim = quote(4, {
			statementId: 14,
			speaker: 'Donald Trump',
			actor: 'United States',
			aboutActor: 'Russia',
			stance: 'support',
		});
		const articleOf = new Map([
			[11, 100],
			[12, 200],
			[13, 200],
			[14, 200],
		]);
		expect(pairDenials([claim], own, articleOf)[0]?.deniedBy).toEqual([2, 1]);
	});
});

describe('extractive summary', () => {
	it('groups own quotes by side and keeps claims by others apart from the actor’s words', () => {
		const quotes = [
			quote(1, { speaker: 'Kremlin' }),
			quote(2, { speaker: 'Sergei Lavrov' }),
			quote(3, { speaker: 'Dmitry Peskov', stance: 'neutral' }),
		];
		const claims = [
			{ ...quote(4, { speaker: 'Donald Trump', aboutActor: 'Russia', stance: 'support' }), deniedBy: [1] },
		];
		const segments = extractiveSummary({ actorName: 'Russia', stance: 'oppose', quotes, claims, stanceChange: null });
		expect(segments).toEqual([
			{ text: '2 statements by the Kremlin and Sergei Lavrov were opposed or critical.', citations: [1, 2] },
			{ text: 'One statement by Dmitry Peskov was factual or non-committal.', citations: [3] },
			{
				text: "Donald Trump attributed a supportive position to Russia: their account, not Russia's words; Russia's own statements contradict it.",
				citations: [4, 1],
			},
		]);
	});
});
