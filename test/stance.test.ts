import { describe, expect, it } from 'vitest';
import { detectStance, loadStanceCues } from '../src/extract/stance.js';
import { tempDataFile } from './helpers/data-file.js';

describe('detectStance', () => {
	it.each([
		['The government welcomed the agreement reached in Geneva.', 'support'],
		['We fully support the proposal and are ready to sign it.', 'support'],
		['Both sides agreed to extend the truce.', 'support'],
		['Paris has no objection to the plan.', 'support'],
		['The ministry rejects these claims as baseless.', 'oppose'],
		['We condemn the strike on the port.', 'oppose'],
		['Any deployment would be seen as a direct threat.', 'oppose'],
		['Such a step would be an act of aggression.', 'oppose'],
		['We would not accept foreign troops on our soil.', 'oppose'],
		['The president does not support the plan.', 'oppose'],
		['We will not allow anyone to threaten our sovereignty.', 'oppose'],
		['Beijing firmly opposes any official contact with Taipei.', 'oppose'],
		['We are deeply concerned about the escalation.', 'oppose'],
		['Tehran is open to talks.', 'support'],
		['Paris will recognise the State of Palestine.', 'support'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text)).toBe(stance);
	});

	it.each([
		['We will return to the deal only after a ceasefire.', 'mixed'],
		['Moscow is ready to return once the agreement is implemented.', 'mixed'],
		['The group would accept a truce if the terms are suitable.', 'mixed'],
		['It is not nearly enough, but it is a start.', 'mixed'],
	])('a conditional or split position: %s → %s', (text, stance) => {
		expect(detectStance(text)).toBe(stance);
	});

	it('is neutral when no cue decides, never a guess', () => {
		expect(detectStance('The call lasted two hours.')).toBe('neutral');
		expect(detectStance('The delegation arrived in Doha on Tuesday.')).toBe('neutral');
	});

	it('lets the clause after "but" carry the point', () => {
		expect(detectStance('It has been a hard road, but we have delivered a deal.')).toBe('support');
	});

	it('reads a dropped condition as a step toward the topic', () => {
		expect(detectStance('The group is no longer tying a truce here to a truce elsewhere.')).toBe('support');
	});

	it('counts the reporting verb outside the quote', () => {
		const quote = 'the talks had produced results';
		expect(detectStance(quote, `The envoy denied that ${quote}.`)).toBe('oppose');
		expect(detectStance(quote, `The envoy welcomed that ${quote}.`)).toBe('support');
	});
});

describe('stance cue file', () => {
	const file = (text: string) => tempDataFile('stance-cues.yaml', text);

	it('rejects a file missing a list, naming the file and the list', () => {
		expect(() => loadStanceCues(file('support: { strong: [welcome*], weak: [] }\n'))).toThrow(
			/stance-cues\.yaml[\s\S]*oppose/,
		);
	});
});
