import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingQuote } from '../src/answer/briefing.js';
import { briefingJson, renderBriefingText } from '../src/cli/render-briefing.js';

const quote = (n: number, over: Partial<BriefingQuote> = {}): BriefingQuote => ({
	n,
	statementId: 100 + n,
	quote: `Quote number ${n}.`,
	kind: 'direct',
	speaker: 'Dmitry Peskov',
	speakerRole: 'Kremlin spokesperson',
	actor: 'Russia',
	aboutActor: null,
	topic: 'black-sea-grain-deal',
	stance: 'oppose',
	url: `https://news.example/${n}`,
	outlet: 'Reuters',
	outlets: ['Reuters'],
	title: null,
	published: '2025-03-12',
	...over,
});

const briefing = (over: Partial<Briefing> = {}): Briefing => ({
	actor: { id: 'Russia', name: 'Russia', input: 'russia' },
	topic: { id: 'black-sea-grain-deal', label: 'Black Sea grain deal', input: 'grain deal' },
	since: null,
	until: null,
	stance: 'mixed',
	stanceReason: 'position changed: oppose on 2 Jan 2025, support by 12 Mar 2025',
	summary: [{ text: 'One statement by Dmitry Peskov was supportive.', citations: [1] }],
	mode: 'extractive',
	note: null,
	quotes: [
		quote(1, { stance: 'support', outlets: ['Reuters', 'WHBL'] }),
		quote(2, { published: '2025-01-02', kind: 'indirect', outlet: null, outlets: [], url: null }),
	],
	claims: [
		{
			...quote(3, {
				speaker: 'Donald Trump',
				speakerRole: null,
				actor: 'United States',
				aboutActor: 'Russia',
				stance: 'support',
			}),
			deniedBy: [2],
		},
	],
	timeline: [
		{ date: '2025-01-02', stance: 'oppose', n: 2 },
		{ date: '2025-03-12', stance: 'support', n: 1 },
	],
	lastStatement: { date: '2025-03-12', daysAgo: 47 },
	stanceChange: { from: 2, to: 1 },
	usage: null,
	...over,
});

describe('the terminal briefing', () => {
	it('reads top to bottom as a forwardable briefing', () => {
		const text = renderBriefingText(briefing());
		expect(text).toBe(`Russia on Black Sea grain deal: MIXED
Why: position changed: oppose on 2 Jan 2025, support by 12 Mar 2025.
Last on-record statement 12 Mar 2025 (47 days ago).

Summary
  One statement by Dmitry Peskov was supportive. [1]

Change of position: oppose (2 Jan 2025) [2] → support (12 Mar 2025) [1]

Timeline, oldest first
  2 Jan 2025   oppose [2]
  12 Mar 2025  support [1]

Russia's own statements, newest first
[1] “Quote number 1.”
    — Dmitry Peskov (Kremlin spokesperson) · support
    Reuters, WHBL · 12 Mar 2025 · https://news.example/1
[2] Quote number 2. (reported speech)
    — Dmitry Peskov (Kremlin spokesperson) · oppose
    2 Jan 2025 · no link

Claims about Russia by others (their words, not Russia's)
[3] “Quote number 3.”
    — Donald Trump · support
    Reuters · 12 Mar 2025 · https://news.example/3
    (speaking for United States; attributes a support stance to Russia)
    contradicted by Russia's own statements [2]
`);
	});

	it('never passes terminal control sequences from stored text to the screen', () => {
		const hostile = quote(1, { quote: 'Fine.\u001b[2J\u001b]0;pwned\u0007 \u202eevil', speaker: 'X\u001b[31m' });
		const text = renderBriefingText(briefing({ quotes: [hostile], claims: [], stanceChange: null }));
		const controls = [...text].filter((c) => (c < ' ' && c !== '\n') || c === '\u202e');
		expect(controls).toEqual([]);
		expect(text).toContain('Fine. [2J ]0;pwned');
	});

	it('says when the summary is extractive and why, and reports model usage', () => {
		const usage = {
			model: 'claude-haiku-5-5',
			inputTokens: 2345,
			outputTokens: 210,
			cacheReadTokens: 0,
			cacheWriteTokens: 0,
			costUsd: 0.00034,
			estimated: false,
		};
		const offline = renderBriefingText(
			briefing({ note: 'Summary written without the language model: the language model timed out.' }),
		);
		expect(offline).toContain('  (Summary written without the language model: the language model timed out.)');
		expect(renderBriefingText(briefing({ mode: 'llm', usage }))).toContain(
			'Summary by claude-haiku-5-5 · 2,345 in / 210 out tokens · $0.0003',
		);
	});
});

describe('the --json contract', () => {
	it('lists own quotes as citations and claims apart, each claim with about_actor', () => {
		const json = briefingJson(briefing());
		expect(json.stance).toBe('mixed');
		expect(json.summary).toBe('One statement by Dmitry Peskov was supportive. [1]');
		expect(json.citations.map((c) => [c.n, c.about_actor, c.url, c.published, c.outlet])).toEqual([
			[1, null, 'https://news.example/1', '2025-03-12', 'Reuters'],
			[2, null, null, '2025-01-02', null],
		]);
		expect(json.claims).toEqual([
			expect.objectContaining({ n: 3, speaker: 'Donald Trump', about_actor: 'Russia', denied_by: [2] }),
		]);
	});
});
