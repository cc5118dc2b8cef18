import { describe, expect, it } from 'vitest';
import { detectTopic } from '../src/topics/detect.js';
import { listTopics, loadTopics, resolveTopic, suggestTopics, topicSearchTerms } from '../src/topics/registry.js';
import { tempDataFile } from './helpers/data-file.js';

describe('resolveTopic', () => {
	it.each([
		['black-sea-grain-deal', 'black-sea-grain-deal'],
		['black sea grain deal', 'black-sea-grain-deal'],
		['grain deal', 'black-sea-grain-deal'],
		['peacekeepers', 'european-peacekeepers-ukraine'],
		['European peacekeepers in Ukraine', 'european-peacekeepers-ukraine'],
		['peace-talks', 'ukraine-peace-talks'],
		['South China Sea', 'south-china-sea'],
		['Second Thomas Shoal', 'south-china-sea'],
		['AUKUS', 'aukus'],
		['frozen assets', 'frozen-russian-assets'],
		['tariffs', 'us-tariffs'],
		["russia's position on the grain deal", 'black-sea-grain-deal'],
	])('reads %s as %s', (input, id) => {
		expect(resolveTopic(input)?.id).toBe(id);
	});

	it('returns null for a topic it does not know, for full-text search to take over', () => {
		expect(resolveTopic('cheese-exports')).toBeNull();
		expect(resolveTopic('')).toBeNull();
	});
});

describe('suggestTopics', () => {
	it('offers the nearest topics for a misspelling', () => {
		expect(suggestTopics('tarifs', 3)).toContain('us-tariffs');
		expect(suggestTopics('grain-dael', 3)[0]).toBe('black-sea-grain-deal');
	});
});

describe('listTopics and topicSearchTerms', () => {
	it('has unique slugs that users can type', () => {
		const ids = listTopics().map((t) => t.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		expect(ids.length).toBeGreaterThanOrEqual(30);
	});

	it('gives the label and aliases as search phrases', () => {
		const topic = resolveTopic('european-peacekeepers-ukraine');
		expect(topic && topicSearchTerms(topic)).toEqual(
			expect.arrayContaining(['European peacekeepers in Ukraine', 'reassurance force', 'boots on the ground']),
		);
	});
});

describe('detectTopic', () => {
	it('finds the topic a quote and its sentence name', () => {
		expect(detectTopic('The minister said a reassurance force would deter a new attack.')?.id).toBe(
			'european-peacekeepers-ukraine',
		);
		expect(detectTopic('Beijing warned Manila over the resupply mission near the shoal.')?.id).toBe('south-china-sea');
	});

	it('returns null when nothing in the text supports a topic', () => {
		expect(detectTopic('We had a good meeting and will meet again.')).toBeNull();
	});

	it('never takes a topic from the title alone', () => {
		expect(detectTopic('We had a good meeting.', 'Talks on the Black Sea grain deal resume')).toBeNull();
	});

	it('lets the title confirm a topic the text gives one keyword for', () => {
		expect(detectTopic('Russia is ready to return to the deal.', 'Kremlin on the Black Sea grain deal')?.id).toBe(
			'black-sea-grain-deal',
		);
		expect(detectTopic('Russia is ready to return to the deal.')).toBeNull();
	});

	it('lets the title say which deal a generic "the deal" is about', () => {
		expect(
			detectTopic('It is a pity we did not sign the deal tonight.', 'Serbia-Kosovo talks end without a signature')?.id,
		).toBe('serbia-kosovo-normalisation');
		expect(
			detectTopic('It is a pity we did not sign tonight.', 'Serbia-Kosovo talks end without a signature'),
		).toBeNull();
	});

	it('needs a place or subject word among keywords: "election" and "voters" are not Venezuela’s election', () => {
		expect(detectTopic('Voters punished the party in the election.')).toBeNull();
		expect(detectTopic('Venezuelan voters were denied a fair election.')?.id).toBe('venezuela-election');
	});

	it('does not take a topic from actor names alone', () => {
		expect(detectTopic('Putin told Erdogan that Russia and Turkey would meet again.')).toBeNull();
	});

	it('lets the title break a tie between topics', () => {
		const text = 'A ceasefire with Israel is possible.';
		expect(detectTopic(text, 'Lebanon ceasefire talks')?.id).toBe('lebanon-ceasefire');
		expect(detectTopic(text, 'Gaza ceasefire talks')?.id).toBe('gaza-ceasefire');
	});
});

describe('topics file', () => {
	const file = (text: string) => tempDataFile('topics.yaml', text);

	it('rejects a slug users could not type, naming the file', () => {
		expect(() => loadTopics(file('- { id: Grain Deal, label: Grain deal }\n'))).toThrow(/topics\.yaml[\s\S]*slug/);
	});

	it('rejects a duplicate slug', () => {
		const text = '- { id: grain, label: Grain }\n- { id: grain, label: Grain again }\n';
		expect(() => loadTopics(file(text))).toThrow(/duplicate id grain/);
	});

	it('loads a topic added to the file, with no code change', () => {
		const loaded = loadTopics(file('- { id: cheese-tariffs, label: Cheese tariffs, aliases: [cheese war] }\n'));
		expect(loaded.topics.map((t) => t.id)).toEqual(['cheese-tariffs']);
	});
});
