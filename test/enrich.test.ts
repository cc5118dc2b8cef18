import { describe, expect, it } from 'vitest';
import type { Attribution } from '../src/extract/attribution.js';
import { enrichStatement } from '../src/extract/enrich.js';
import { StatementSchema } from '../src/extract/statement.js';

const title = 'Kremlin rejects European peacekeepers in Ukraine';
const body = [
	'The Kremlin on Tuesday rejected the idea of European peacekeepers in Ukraine.',
	'“Any such deployment would be a direct threat to us,” said Kremlin spokesperson Dmitry Peskov.',
	'U.S. President Donald Trump said Putin had no objection to peacekeepers in Ukraine.',
	"Russia's Defense Ministry announced a prisoner swap. The Defense Ministry said 75 soldiers were returned.",
].join('\n\n');

function attribution(quote: string, speaker: string, extra: Partial<Attribution> = {}): Attribution {
	const start = body.indexOf(quote);
	const contextStart = body.lastIndexOf('\n', start) + 1;
	const contextEnd = body.indexOf('\n', start);
	return {
		start,
		end: start + quote.length,
		quote,
		kind: 'indirect',
		speaker,
		speakerAsWritten: speaker,
		speakerDescriptor: null,
		cue: 'said',
		context: body.slice(contextStart, contextEnd < 0 ? undefined : contextEnd),
		contextStart,
		confidence: 0.9,
		rule: 'test',
		...extra,
	};
}

describe('enrichStatement', () => {
	it('resolves the speaker, actor, topic and stance of a direct quote', () => {
		const quote = 'Any such deployment would be a direct threat to us,';
		const s = enrichStatement(
			attribution(quote, 'Dmitry Peskov', { kind: 'direct', speakerDescriptor: 'Kremlin spokesperson' }),
			{ title, body },
			'rules-test',
		);
		expect(StatementSchema.parse(s)).toEqual(s);
		expect(s).toMatchObject({
			quote,
			speaker: 'Dmitry Peskov',
			speakerRole: 'Kremlin spokesperson',
			actor: 'Russia',
			aboutActor: null,
			topic: 'european-peacekeepers-ukraine',
			stance: 'oppose',
			extractor: 'rules',
			extractorVersion: 'rules-test',
		});
		expect(body.slice(s.start, s.end)).toBe(s.quote);
	});

	it('keeps a claim about another actor apart: speaker Trump, actor United States, about Russia', () => {
		const quote = 'Putin had no objection to peacekeepers in Ukraine';
		const s = enrichStatement(
			attribution(quote, 'Donald Trump', { speakerDescriptor: 'U.S. President' }),
			{ title, body },
			'v',
		);
		expect(s).toMatchObject({
			speaker: 'Donald Trump',
			actor: 'United States',
			aboutActor: 'Russia',
			stance: 'support',
		});
	});

	it('reads an institution named bare as the one the article names in full', () => {
		const s = enrichStatement(attribution('75 soldiers were returned', 'Defense Ministry'), { title: null, body }, 'v');
		expect(s).toMatchObject({ speaker: 'Russian Defense Ministry', actor: 'Russia', topic: 'prisoner-exchange' });
	});

	it('leaves actor and topic empty when nothing supports them, and stance neutral', () => {
		const quote = 'the meeting lasted two hours';
		const local = `A local official said ${quote}.`;
		const s = enrichStatement(
			{ ...attribution(quote, 'he'), start: 21, end: 21 + quote.length, context: local, contextStart: 0 },
			{ title: null, body: local },
			'v',
		);
		expect(s).toMatchObject({ speaker: 'he', actor: null, topic: null, stance: 'neutral', aboutActor: null });
	});

	it('uses the role a person held on the article date', () => {
		const quote = 'the alliance would stand firm';
		const text = `Mark Rutte said ${quote}.`;
		const a = {
			...attribution(quote, 'Mark Rutte'),
			start: 16,
			end: 16 + quote.length,
			context: text,
			contextStart: 0,
		};
		const old = enrichStatement(a, { title: null, body: text, published: '2023-05-01' }, 'v');
		const recent = enrichStatement(a, { title: null, body: text, published: '2025-05-01' }, 'v');
		expect([old.actor, recent.actor]).toEqual(['Netherlands', 'NATO']);
	});
});
