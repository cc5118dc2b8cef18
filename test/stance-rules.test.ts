import { describe, expect, it } from 'vitest';
import { detectStance } from '../src/extract/stance.js';

// Generic rules the cue lexicon alone gets wrong, on sentences written for these tests.
describe('refusing a transfer', () => {
	it.each([
		['Our island cannot be bought.', 'oppose'],
		['The port will never be sold to a foreign power.', 'oppose'],
		['These reserves can not be seized by anyone.', 'oppose'],
		['The valley will not be handed over.', 'oppose'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text)).toBe(stance);
	});

	it('reads a transfer stated plainly as no position', () => {
		expect(detectStance('The company bought the land last year.')).toBe('neutral');
		expect(detectStance('We did not buy weapons from them.')).toBe('neutral');
	});
});

describe('possession and sovereignty claims', () => {
	it.each([
		['This land is ours.', 'oppose'],
		['The islands belong to us and always will.', 'oppose'],
		['We will defend our sovereignty over the reef.', 'oppose'],
		["The navy will protect our country's rights in these waters.", 'oppose'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text)).toBe(stance);
	});

	it('keeps "protect" a support cue when it guards no claim of the speaker', () => {
		expect(detectStance('The mission will protect the civilians.')).toBe('support');
	});
});

describe('regret', () => {
	it.each([
		['It is a shame that the accord was not signed today, even though every side agrees.', 'support'],
		['Regrettably, the two delegations failed to reach a deal.', 'support'],
		['Unfortunately, the talks failed.', 'support'],
		['It is a pity the agreement collapsed at the last minute.', 'support'],
	])('at an agreement not reached is support for it: %s → %s', (text, stance) => {
		expect(detectStance(text)).toBe(stance);
	});

	it.each([
		['We regret this decision.', 'oppose'],
		['Unfortunately, there has been no goodwill from the other side.', 'oppose'],
		['We are disappointed by the vote.', 'oppose'],
	])('at anything else is opposition: %s → %s', (text, stance) => {
		expect(detectStance(text)).toBe(stance);
	});
});

describe('concessions', () => {
	it('counts what "despite" or "although" grants at a quarter weight: the main clause is the point', () => {
		expect(detectStance('Despite our concerns, we will back the plan.')).toBe('support');
		expect(detectStance('Although the text is flawed, we support it.')).toBe('support');
		expect(detectStance('In spite of the progress, we reject the draft.')).toBe('oppose');
	});
});

describe("a third party's words inside a quote", () => {
	it('does not count the cues after "who said" as the speaker\'s', () => {
		expect(
			detectStance('The harbour is ours, in reply to the senator, who said his side welcomes the idea of buying it.'),
		).toBe('oppose');
	});
});

describe('demands on an agreement', () => {
	it('reads what the text "should include" as a term: a conditional position', () => {
		expect(detectStance('The treaty must include guarantees for the minority.')).toBe('mixed');
		expect(detectStance('The accord should make a reference to the disputed region.')).toBe('mixed');
	});
});

describe('claims given up or kept', () => {
	it('reads "abandon" as turning the claim after it around', () => {
		expect(detectStance('The neighbour has not abandoned its territorial claims.')).toBe('oppose');
		expect(detectStance('The neighbour has abandoned its territorial claims.')).toBe('support');
	});
});
