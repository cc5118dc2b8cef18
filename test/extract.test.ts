import { describe, expect, it } from 'vitest';
import type { Attribution } from '../src/extract/attribution.js';
import { extractStatements, findAttributions } from '../src/extract/extract.js';
import { findQuotes } from '../src/extract/quotes.js';
import { StatementSchema } from '../src/extract/statement.js';
import { EXTRACTOR_VERSION } from '../src/extract/version.js';

// Every sentence here was written for these tests; none comes from the evaluation data.

/** The attributions of a text, each checked against the verbatim invariant first. */
function find(body: string): Attribution[] {
	const found = findAttributions(body);
	for (const a of found) expect(body.slice(a.start, a.end)).toBe(a.quote);
	return found;
}

const one = (body: string): Attribution => {
	const found = find(body);
	expect(found).toHaveLength(1);
	return found[0] as Attribution;
};

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

	it('covers a short quoted phrase inside a reported clause as one indirect statement', () => {
		const a = one('Berglund said the proposal was “dead on arrival” in its current form.');
		expect(a).toMatchObject({ kind: 'indirect', quote: 'the proposal was “dead on arrival” in its current form' });
	});
});

describe('the mention table', () => {
	const body = [
		'Kremlin spokesman Pavel Orlik spoke to reporters on Monday.',
		'“There is nothing to discuss,” he said.',
		'Orlik added that the talks could resume in March.',
		'“We are patient,” the spokesman said.',
	].join('\n\n');

	it('resolves "he", the surname and "the spokesman" to the full name first introduced', () => {
		const found = find(body);
		expect(found.map((a) => a.speaker)).toEqual(['Pavel Orlik', 'Pavel Orlik', 'Pavel Orlik']);
		expect(found.map((a) => a.speakerAsWritten)).toEqual(['he', 'Orlik', 'spokesman']);
		expect(found.every((a) => a.speakerDescriptor === 'Kremlin spokesman')).toBe(true);
	});

	it('resolves "she" past a man mentioned more recently', () => {
		const text = [
			'Foreign Minister Anna Berglund met Pavel Orlik in Vienna.',
			'Orlik left early.',
			'“We made progress,” she said.',
		].join('\n\n');
		expect(find(text).map((a) => a.speaker)).toEqual(['Anna Berglund']);
	});

	it('keeps organisations and capitals as organisations', () => {
		const found = find('The Kremlin said the talks had stalled.\n\nMoscow said it would wait.');
		expect(found.map((a) => a.speaker)).toEqual(['Kremlin', 'Moscow']);
	});

	it('names the organisation behind "a spokesperson for …"', () => {
		const a = one('A spokesperson for the Chinese Embassy in Manila said the arrangement had been agreed in January.');
		expect(a.speaker).toBe('Chinese Embassy in Manila');
	});

	it('takes the name in apposition after a role ("the new leader, Name, said")', () => {
		const a = one("The movement's new leader, Omar Haddad, stated that the group would accept a truce.");
		expect(a).toMatchObject({ speaker: 'Omar Haddad', speakerDescriptor: "movement's new leader" });
	});
});

describe('filters', () => {
	it('ignores scare quotes, titles and quotations inside quotations', () => {
		expect(find('The so-called “peace plan” was dismissed by analysts.')).toEqual([]);
		expect(find('She wrote the book “War and Peace in Our Time” last year.')).toEqual([]);
		const found = find('“They told us ‘never again’, and we believed them,” Berglund said.');
		expect(found.map((a) => a.quote)).toEqual(['They told us ‘never again’, and we believed them']);
	});

	it('ignores headlines and cross-links', () => {
		expect(find('READ MORE: Talks collapse, minister says\n\n“Ready to talk” says envoy')).toEqual([]);
	});

	it('ignores refusals, requests and relative clauses that report no statement', () => {
		expect(find('The ministry declined to comment.')).toEqual([]);
		expect(find('The embassy did not immediately respond to a request for comment.')).toEqual([]);
		expect(find('The ministry urged both sides to show restraint.')).toEqual([]);
		expect(find('The deal, which Beijing said was reached in 2020, was never published.')).toEqual([]);
		expect(find('He believes the deal will hold.')).toEqual([]);
	});

	it('does not read a noun phrase after "said" as a statement', () => {
		expect(find('Berglund said in a statement on Tuesday.')).toEqual([]);
	});
});

describe('statements', () => {
	it('pass through enrichment with the extractor version and a confidence per rule', () => {
		const body = '“We will not accept this,” Anna Berglund said.\n\nBerglund said the border would stay closed.';
		const statements = extractStatements({ title: null, body });
		expect(statements).toHaveLength(2);
		for (const s of statements) {
			expect(StatementSchema.parse(s)).toEqual(s);
			expect(s.extractorVersion).toBe(EXTRACTOR_VERSION);
			expect(body.slice(s.start, s.end)).toBe(s.quote);
		}
		const [direct, indirect] = statements;
		expect(direct?.confidence).toBeGreaterThan(indirect?.confidence ?? 1);
	});

	it('keeps every quote verbatim in messy text: unbalanced marks, odd spaces, empty lines', () => {
		const bodies = [
			'',
			'   \n\n  ',
			'“Unclosed quotation, he said.\n\nAnother line” with a stray mark.',
			'He said: "a\u00a0b" and “c” ” d “ e',
			'“”',
			'Name said that.',
			'“One,” “two,” “three,” said Berglund.',
		];
		for (const body of bodies) expect(() => find(body)).not.toThrow();
	});
});
