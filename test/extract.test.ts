import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/extract/quotes.js';
import { find, one } from './helpers/attributions.js';

// Every sentence here was written for these tests; none comes from the evaluation data.

describe('quotation marks', () => {
	it('pairs curly and straight quotes and keeps the span inside the marks, trailing comma excluded', () => {
		const body = '“We will not sign,” she said. He answered: "Then we wait."';
		const spans = findQuotes(body).map((q) => body.slice(q.start, q.end));
		expect(spans).toEqual(['We will not sign', 'Then we wait.']);
	});

	it('marks a quotation left open at the end of a paragraph as continued by the next one', () => {
		const body = '“The first part runs on\n\n“and the second part ends here.”';
		const quotes = findQuotes(body);
		expect(quotes.map((q) => [q.closed, q.continued])).toEqual([
			[false, false],
			[true, true],
		]);
	});

	it('does not take apostrophes for quotation marks', () => {
		expect(findQuotes("The envoy's car and the ministers' meeting didn't start.")).toEqual([]);
	});
});

describe('direct quotations', () => {
	it('finds "…," Name said with a title before the name', () => {
		const a = one('“We will not accept this,” Foreign Minister Anna Berglund said on Monday.');
		expect(a).toMatchObject({
			quote: 'We will not accept this',
			kind: 'direct',
			speaker: 'Anna Berglund',
			speakerDescriptor: 'Foreign Minister',
		});
	});

	it('finds the inverted "…," said Name, the role', () => {
		const a = one('“The talks are over,” said Pavel Orlik, the Kremlin spokesman.');
		expect(a.speaker).toBe('Pavel Orlik');
		expect(a.speakerDescriptor).toContain('Kremlin spokesman');
	});

	it('finds Name said: “…” and a quotation after a colon', () => {
		const a = one('Asked about the convoy, Orlik said: “It will not pass.”');
		expect(a).toMatchObject({ quote: 'It will not pass.', speaker: 'Pavel Orlik'.split(' ')[1] });
	});

	it('keeps both halves of a quotation split by its attribution', () => {
		const found = find('“We are ready,” Orlik said, “but only if the sanctions are lifted.”');
		expect(found.map((a) => [a.quote, a.speaker, a.kind])).toEqual([
			['We are ready', 'Orlik', 'direct'],
			['but only if the sanctions are lifted.', 'Orlik', 'direct'],
		]);
	});

	it('gives a quotation standing alone to the speaker of the paragraph before', () => {
		const found = find('“The plan is dead,” Orlik said.\n\n“Nobody in the capital takes it seriously.”');
		expect(found.map((a) => a.speaker)).toEqual(['Orlik', 'Orlik']);
		expect(found[1]?.rule).toBe('floating');
	});

	it('gives a quotation that runs across paragraphs to its speaker in both paragraphs', () => {
		const body =
			'Kremlin aide Pavel Orlik said: “We will respond in kind and without delay\n\n“and the answer will be proportionate.”';
		const found = find(body);
		expect(found.map((a) => a.speaker)).toEqual(['Pavel Orlik', 'Pavel Orlik']);
	});

	it('attributes a quotation to the subject of a "saying" participle', () => {
		const found = find('The president defended the deal, saying, “It protects our farmers and our ports.”');
		expect(found.at(-1)).toMatchObject({ kind: 'direct', speaker: 'president' });
	});
});

describe('indirect speech', () => {
	it('takes the clause after "said (on Tuesday) that"', () => {
		const a = one('Minister Anna Berglund said on Tuesday that the border would stay closed until spring.');
		expect(a).toMatchObject({ kind: 'indirect', quote: 'the border would stay closed until spring' });
	});

	it('takes the clause after "said" without "that"', () => {
		const a = one('Anna Berglund said the border would stay closed until spring.');
		expect(a.quote).toBe('the border would stay closed until spring');
	});

	it('takes the clause before "…, Name said"', () => {
		const a = one('The border will stay closed until spring, Berglund said.');
		expect(a).toMatchObject({
			kind: 'indirect',
			quote: 'The border will stay closed until spring',
			speaker: 'Berglund',
		});
	});

	it('takes "According to X, …" and "…, according to X"', () => {
		const before = one('According to Berglund, the convoy was stopped at the border.');
		expect(before).toMatchObject({
			speaker: 'Berglund',
			quote: 'the convoy was stopped at the border',
			cue: 'according to',
		});
		const after = one('The convoy was stopped at the border, according to Berglund.');
		expect(after.quote).toBe('The convoy was stopped at the border');
	});

	it('gives "…, saying …" to the subject of the sentence', () => {
		const a = one('The Kremlin rejected the proposal on Monday, saying it would never accept foreign troops.');
		expect(a).toMatchObject({ speaker: 'Kremlin', quote: 'it would never accept foreign troops', rule: 'participle' });
	});

	it('keeps a stance verb and its object as the statement ("…, rejecting any deployment")', () => {
		const a = one('The Kremlin answered within hours, rejecting any deployment of foreign troops in the region.');
		expect(a).toMatchObject({ speaker: 'Kremlin', rule: 'stance-verb' });
		expect(a.quote.startsWith('rejecting any deployment')).toBe(true);
	});

	it('keeps a position stated with a stance verb and its object ("Beijing has denied the accusations")', () => {
		const a = one('Beijing has denied the accusations of espionage.');
		expect(a).toMatchObject({ speaker: 'Beijing', rule: 'stance-verb', quote: 'denied the accusations of espionage' });
		expect(a.confidence).toBeLessThan(0.6);
	});

	it('takes "with X saying …" as X speaking', () => {
		const a = one('Talks resumed on Monday, with President Ana Lopes saying a deal was close.');
		expect(a).toMatchObject({ speaker: 'Ana Lopes', quote: 'a deal was close' });
	});

	it('separates "X said …, but Y said …" into two speakers', () => {
		const found = find('Hamas said it had accepted the proposal, but Israel said the terms fell short of its demands.');
		expect(found.map((a) => [a.speaker, a.quote])).toEqual([
			['Hamas', 'it had accepted the proposal'],
			['Israel', 'the terms fell short of its demands'],
		]);
	});

	it('covers a short quoted phrase inside a reported clause as one indirect statement', () => {
		const a = one('Berglund said the proposal was “dead on arrival” in its current form.');
		expect(a).toMatchObject({ kind: 'indirect', quote: 'the proposal was “dead on arrival” in its current form' });
	});
});
