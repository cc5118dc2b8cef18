import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/extract/extract.js';
import { StatementSchema } from '../src/extract/statement.js';
import { EXTRACTOR_VERSION } from '../src/extract/version.js';
import { find, one } from './helpers/attributions.js';

// Every sentence here was written for these tests; none comes from the evaluation data.

describe('more attribution patterns', () => {
	it('keeps both sides of an attribution that interrupts a sentence ("…, he says, and …")', () => {
		const found = find('Talks with the rebels have stalled, Berglund says, and are unlikely to resume before June.');
		expect(found.map((a) => a.quote)).toEqual([
			'Talks with the rebels have stalled',
			'and are unlikely to resume before June',
		]);
	});

	it('gives "… and said that …" to the subject of the first verb', () => {
		const a = one('Berglund met the envoy on Friday and said that the border would reopen in May.');
		expect(a).toMatchObject({ speaker: 'Berglund', quote: 'the border would reopen in May' });
	});

	it('leaves an "As X reported," introduction to the speaker of the main clause', () => {
		const a = one('As the agency reported earlier, Minister Anna Berglund said that the convoy had been stopped.');
		expect(a).toMatchObject({ speaker: 'Anna Berglund', quote: 'the convoy had been stopped' });
	});

	it('gives a quotation after a colon to the person the sentence is about', () => {
		const body =
			'“The offer is late,” Orlik said.\n\nNigeria’s envoy, Ada Okafor, was even more direct: “This is an insult.”';
		expect(find(body).map((a) => a.speaker)).toEqual(['Orlik', 'Ada Okafor']);
	});

	it('resolves "according to him" to the man in focus', () => {
		const body =
			'Agency chief Marco Ruiz visited the plant on Monday.\n\nAccording to him, the cooling system has been repaired.';
		expect(one(body)).toMatchObject({ speaker: 'Marco Ruiz', quote: 'the cooling system has been repaired' });
	});

	it('expands an acronym the article defines', () => {
		const body = 'The International Grain Council (IGC) met in London.\n\nThe IGC said exports would fall this year.';
		expect(one(body).speaker).toBe('International Grain Council');
	});

	it('cites a quotation repeated earlier in the body (a pull quote) where it first appears', () => {
		const line = 'We will rebuild every bridge that was lost in the floods this spring.';
		const body = `${line}\n\nThe mayor toured the valley.\n\n“${line}” Mayor Lena Holt said.`;
		const a = one(body);
		expect(a.start).toBe(0);
		expect(a.speaker).toBe('Lena Holt');
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

	it('walks back over several appositions to the name ("Will Lee, a mechanic based in Omaha, Neb., and an organizer …, said")', () => {
		const a = one(
			'Will Lee, a mechanic based in Omaha, Neb., and an organizer at the rail union, said the brakes froze.',
		);
		expect(a).toMatchObject({
			speaker: 'Will Lee',
			speakerDescriptor: 'mechanic based in Omaha',
			quote: 'the brakes froze',
		});
	});

	it('gives a statement to the organisation that issued it ("the statement from the embassy said")', () => {
		expect(one('The statement from the Chinese Embassy said the visit was unacceptable.').speaker).toBe(
			'Chinese Embassy',
		);
	});

	it('leaves a dateline out of the statement', () => {
		const a = one('BRUSSELS (AP) — Ministers agreed on Thursday to extend the sanctions, Berglund said.');
		expect(a.quote).toBe('Ministers agreed on Thursday to extend the sanctions');
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

describe('first names that are also places', () => {
	it('keeps "Chad Miller" whole and gives his later "Chad said" and "Miller said" to him, with no state', () => {
		const body = [
			'The captain of the club, Chad Miller, and his sister organised the fundraiser.',
			'Miller said the response had been overwhelming.',
			'“We never expected this many people,” Chad said.',
		].join('\n\n');
		const found = extractStatements({ title: 'Fundraiser', body, published: null });
		expect(found.map((s) => [s.speaker, s.actor])).toEqual([
			['Chad Miller', null],
			['Chad Miller', null],
		]);
	});

	it('keeps "Georgia Evans" as the speaker of "said Georgia Evans"', () => {
		const [s] = extractStatements({ title: 'Vote', body: '“It is a good day,” said Georgia Evans.', published: null });
		expect(s).toMatchObject({ speaker: 'Georgia Evans', actor: null });
	});
});
