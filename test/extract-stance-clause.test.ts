import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/extract/extract.js';
import { find } from './helpers/attributions.js';

// Every sentence here was written for these tests; none comes from the evaluation data.

const statements = (body: string) => extractStatements({ title: 'Naval patrols', body, published: null });

describe('stance verbs stop at their clause', () => {
	it('does not report a concession ("While X has opposed …, Y …") as X speaking on record', () => {
		const body =
			'While Beijing has firmly opposed the joint naval patrols, the Philippine government remains committed to working with both Tokyo and Washington on the matter.';
		expect(find(body).filter((a) => a.speaker === 'Beijing')).toEqual([]);
		expect(find('Although Ankara rejected the sale of the jets, Washington has kept talking to its allies.')).toEqual(
			[],
		);
	});

	it("ends the object where a conjunction opens a new clause, and keeps the verb's own stance", () => {
		const [s, ...rest] = statements(
			'Beijing opposed the joint naval patrols while the Philippine government remains committed to working with Tokyo.',
		);
		expect(rest).toEqual([]);
		expect(s).toMatchObject({
			speaker: 'Chinese government',
			quote: 'opposed the joint naval patrols',
			stance: 'oppose',
		});
	});

	it('ends the object at a comma before the next clause', () => {
		const [s] = statements(
			'Beijing opposed the joint naval patrols, the Philippine navy confirmed patrols would go ahead.',
		);
		expect(s?.quote).toBe('opposed the joint naval patrols');
	});

	it('keeps a stance stated in the main clause after a subordinate clause', () => {
		const found = find('After the talks collapsed, Beijing rejected the proposal for joint naval patrols.');
		expect(found.map((a) => [a.speaker, a.quote])).toEqual([
			['Beijing', 'rejected the proposal for joint naval patrols'],
		]);
	});
});
