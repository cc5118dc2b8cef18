import { describe, expect, it } from 'vitest';
import type { Attribution } from '../src/extract/attribution.js';
import { enrichStatement } from '../src/extract/enrich.js';
import { detectStance } from '../src/extract/stance.js';
import { cueWords } from '../src/extract/stance-lexicon.js';
import { listTopics, loadTopics, resolveTopic, type Topic } from '../src/topics/registry.js';
import { tempDataFile } from './helpers/data-file.js';

// Stance read in a topic's own terms (the `stance` entries of src/topics/topics.yaml), on sentences written here.
const topic = (id: string): Topic => {
	const t = resolveTopic(id);
	if (!t) throw new Error(`no topic ${id}`);
	return t;
};

describe('a sanctions topic: oppose means against the sanctions', () => {
	const syria = topic('syria-sanctions');
	it.each([
		['We urge Washington to lift these sanctions.', 'oppose'],
		['Sanctions relief would be welcome.', 'oppose'],
		['The sanctions are an obstacle to our recovery.', 'oppose'],
		['We will not accept any easing of the sanctions.', 'support'],
		['We reject calls for lifting the restrictions.', 'support'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text, null, syria)).toBe(stance);
	});

	it('keeps a cue about something else in a long clause on its own side', () => {
		expect(
			detectStance(
				'The sanctions were an obstacle to reconstruction and officials urged the envoy to lift them',
				null,
				syria,
			),
		).toBe('oppose');
	});
});

describe('an acquisition topic: support means favouring the acquisition', () => {
	const greenland = topic('greenland-us-acquisition');
	it.each([
		['The president said his country would acquire the island one way or another.', 'support'],
		['We will not allow anyone to annex our island.', 'oppose'],
		['The island cannot be bought.', 'oppose'],
		['We do not want to be part of their country.', 'oppose'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text, null, greenland)).toBe(stance);
	});
});

describe('a harm topic: oppose means condemning or halting the strikes', () => {
	const energy = topic('energy-infrastructure-strikes');
	it('reads welcoming a halt as opposing the strikes, where the generic lexicon reads support', () => {
		const text = 'We welcome and fully support the energy truce.';
		expect(detectStance(text)).toBe('support');
		expect(detectStance(text, null, energy)).toBe('oppose');
	});

	it.each([
		['The leader ordered a halt to attacks on the grid.', 'oppose'],
		['The enemy attacked our power plants again.', 'oppose'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text, null, energy)).toBe(stance);
	});
});

describe('a disputed election: praise for the challengers opposes the declared result', () => {
	const election = topic('venezuela-election');
	it.each([
		["The envoy praised the opposition candidate's courage.", 'oppose'],
		['These claims of fraud are lies.', 'support'],
		['There was fraud at many polling stations.', 'oppose'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text, null, election)).toBe(stance);
	});
});

describe('frozen assets: keeping them immobilised opposes seizure', () => {
	const assets = topic('frozen-russian-assets');
	it.each([
		['The principal must remain untouched.', 'oppose'],
		['The interest could be used to support reconstruction, but the principal should stay frozen.', 'mixed'],
		['We are ready to seize the assets.', 'support'],
	])('%s → %s', (text, stance) => {
		expect(detectStance(text, null, assets)).toBe(stance);
	});
});

describe('a topic without a stance entry', () => {
	it('reads the generic cues only', () => {
		expect(detectStance('We welcome and fully support the energy truce.', null, topic('sudan-ceasefire'))).toBe(
			'support',
		);
	});
});

describe('enrichment reads the stance in the headline topic when the statement names none', () => {
	it('takes "leave everything as it is" in a story on frozen assets as opposing their seizure', () => {
		const body = 'For now, the minister stressed, it is wiser to leave everything as it is.';
		const quote = 'it is wiser to leave everything as it is';
		const start = body.indexOf(quote);
		const a: Attribution = {
			start,
			end: start + quote.length,
			quote,
			kind: 'indirect',
			speaker: 'the minister',
			speakerAsWritten: 'the minister',
			speakerDescriptor: null,
			cue: 'stressed',
			context: body,
			contextStart: 0,
			confidence: 0.8,
			rule: 'test',
		};
		const s = enrichStatement(a, { title: 'Minister: frozen Russian assets must not be seized', body }, 'test');
		expect(s.topic).toBeNull();
		expect(s.stance).toBe('oppose');
	});
});

describe('topic stance entries in the registry', () => {
	it('say in words what support and oppose mean, with phrases that can match', () => {
		const withStance = listTopics().filter((t) => t.stance);
		expect(withStance.length).toBeGreaterThanOrEqual(10);
		for (const t of withStance) {
			const s = t.stance as NonNullable<Topic['stance']>;
			expect(s.support.length).toBeGreaterThan(5);
			for (const p of [...s.event, ...s.undoing, ...s.subject, ...s.cues.support, ...s.cues.oppose])
				expect(cueWords(p).length, `${t.id}: ${p}`).toBeGreaterThan(0);
		}
	});

	it('rejects a stance entry without its meaning, naming the file and the field', () => {
		const file = tempDataFile(
			'topics.yaml',
			'- id: some-topic\n  label: Some topic\n  aliases: [some topic]\n  stance:\n    undoing: [lift]\n',
		);
		expect(() => loadTopics(file)).toThrow(/topics\.yaml[\s\S]*support/);
	});
});
