import { describe, expect, it } from 'vitest';
import { type ClaimInput, detectAboutActor } from '../src/extract/claims.js';

const indirect = (quote: string, actor: string | null, cue = 'said'): ClaimInput => ({
	quote,
	context: `The official ${cue} that ${quote}.`,
	kind: 'indirect',
	cue,
	actor,
});

describe('detectAboutActor', () => {
	it.each([
		['Putin had no objection to peacekeepers', 'United States', 'Russia'],
		['there were indications Russia might be interested in returning to the talks', 'United States', 'Russia'],
		['the Russian leader had shown no objections to the idea', 'United States', 'Russia'],
		['Hezbollah is no longer tying a truce in Lebanon to a truce in Gaza', 'Lebanon', 'Hezbollah'],
		['he did not think Greenlanders wanted to become part of another country', 'Denmark', 'Greenland'],
		['Iran was preparing to resume enrichment', 'Israel', 'Iran'],
		['both he and Chinese President Xi Jinping had agreed to the plan', 'United States', 'China'],
		['Russia does not want peace', 'Ukraine', 'Russia'],
		['Russia and Ukraine agreed to a ceasefire', 'United Nations', 'Russia'],
		['the Washington Post reported that Israel had agreed', 'Qatar', 'Israel'],
	])('"%s" (speaker actor %s) is a claim about %s', (quote, own, about) => {
		expect(detectAboutActor(indirect(quote, own))).toBe(about);
	});

	it('takes an unlisted person’s actor from their apposition', () => {
		const quote = 'Ivan Sidorov, a deputy head of the Russian presidential administration, had urged Europeans to sign';
		expect(detectAboutActor(indirect(quote, 'Ukraine'))).toBe('Russia');
	});

	it.each([
		['Russia would not accept foreign troops', 'Russia'],
		['Moscow is ready to return to the deal', 'Russia'],
		['Putin and Trump want to normalise ties', 'Russia'],
		['we reiterate our calls for the United States to lift the sanctions', 'Syria'],
		['talks with Russia had stalled', 'United States'],
		['U.S. sanctions on Syria were an obstacle to recovery', 'Syria'],
		['Qatar will be a partner in the new phase', 'Syria'],
		['it would retaliate if the US imposed tariffs', 'China'],
		['talks between Iran and the US would resume next week', 'Oman'],
		['Russia and Ukraine agreed to swap prisoners', 'Russia'],
		['the leaders of Serbia and Kosovo agreed to the deal', 'European Union'],
		['the fate of the deal is in the hands of those with whom the UN should agree', 'Russia'],
	])('"%s" is the speaker’s own statement (actor %s)', (quote, own) => {
		expect(detectAboutActor(indirect(quote, own))).toBeNull();
	});

	it('sets no claim when the speaker’s own actor is unknown', () => {
		expect(detectAboutActor(indirect('Russia would accept the plan', null))).toBeNull();
	});

	it('treats a denial as a statement of its own', () => {
		expect(detectAboutActor(indirect('Russia had agreed to the plan', 'United States', 'denied'))).toBeNull();
	});

	it('hands a pronoun in a direct quote to the holder the sentence names', () => {
		const quote = 'Yeah, he will accept that. He has no problem with it.';
		const context = `The president declared that Russia would accept the plan, saying, “${quote}”`;
		expect(detectAboutActor({ quote, context, kind: 'direct', cue: 'saying', actor: 'United States' })).toBe('Russia');
		expect(
			detectAboutActor({ quote, context: `He said, “${quote}”`, kind: 'direct', cue: 'said', actor: 'United States' }),
		).toBeNull();
	});
});
