import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/actors/load.js';
import {
	actorAliases,
	findActorMentions,
	listActors,
	matchActorPrefix,
	resolveActor,
	speakerInProse,
	suggestActors,
} from '../src/actors/registry.js';

describe('resolveActor', () => {
	it.each([
		['uk', 'United Kingdom'],
		['Britain', 'United Kingdom'],
		['u.s.', 'United States'],
		['USA', 'United States'],
		['united states', 'United States'],
		['America', 'United States'],
		['kremlin', 'Russia'],
		['the Kremlin', 'Russia'],
		['lavrov', 'Russia'],
		['President Putin', 'Russia'],
		["Russia's", 'Russia'],
		['moscow', 'Russia'],
		['beijing', 'China'],
		['Downing Street', 'United Kingdom'],
		['Élysée', 'France'],
		['elysee', 'France'],
		['Türkiye', 'Turkey'],
		['the philippines', 'Philippines'],
		['EU', 'European Union'],
		['European Commission', 'European Union'],
		['UN Security Council', 'United Nations'],
		['nato', 'NATO'],
		['un nuclear watchdog', 'IAEA'],
		['hezbollah', 'Hezbollah'],
		['russian foreign ministry', 'Russia'],
		['Chinese embassy', 'China'],
	])('reads %s as %s', (input, actor) => {
		expect(resolveActor(input)?.name).toBe(actor);
	});

	it('returns null for names it does not know rather than guessing', () => {
		expect(resolveActor('atlantis')).toBeNull();
		expect(resolveActor('')).toBeNull();
	});
});

describe('suggestActors', () => {
	it('offers the nearest actors for a misspelling', () => {
		expect(suggestActors('rusia', 3)).toContain('Russia');
		expect(suggestActors('phillipines', 3)[0]).toBe('Philippines');
		expect(suggestActors('untied states', 3)[0]).toBe('United States');
	});

	it('offers nothing for input far from every name', () => {
		expect(suggestActors('qqqqqqqqqqqq')).toEqual([]);
	});
});

describe('matchActorPrefix', () => {
	it('takes the longest alias that starts the line and returns the rest', () => {
		expect(matchActorPrefix('united states peace talks')).toMatchObject({
			actor: { name: 'United States' },
			rest: 'peace talks',
		});
		expect(matchActorPrefix('u.s. tariffs')?.rest).toBe('tariffs');
		expect(matchActorPrefix('russia black-sea-grain-deal')?.rest).toBe('black-sea-grain-deal');
		expect(matchActorPrefix('european commission frozen assets')?.actor.name).toBe('European Union');
		expect(matchActorPrefix('the kremlin grain deal')).toMatchObject({ actor: { name: 'Russia' }, rest: 'grain deal' });
		expect(matchActorPrefix("russia's grain deal")?.rest).toBe('grain deal');
	});

	it('returns null when no actor starts the line', () => {
		expect(matchActorPrefix('peace talks russia')).toBeNull();
	});
});

describe('actorAliases and listActors', () => {
	it('lists the names, capitals, institutions and people that speak for an actor', () => {
		const aliases = actorAliases('russia');
		for (const name of ['Russia', 'Moscow', 'Kremlin', 'Sergei Lavrov', 'Dmitry Peskov'])
			expect(aliases).toContain(name);
		expect(aliases).not.toContain('Russian');
		expect(actorAliases('nowhere')).toEqual([]);
	});

	it('lists every state and organisation once, with plain English names', () => {
		const names = listActors().map((a) => a.name);
		expect(new Set(names).size).toBe(names.length);
		for (const n of ['Russia', 'United States', 'United Kingdom', 'China', 'European Union', 'United Nations', 'IAEA'])
			expect(names).toContain(n);
	});
});

describe('findActorMentions', () => {
	it('finds people, institutions and states with offsets into the text', () => {
		const text = "Kremlin spokesperson Dmitry Peskov said Russia's Foreign Ministry had told the Chinese Embassy.";
		const found = findActorMentions(text).map((m) => [text.slice(m.start, m.end), m.kind, m.actor.name, m.speaker]);
		expect(found).toEqual([
			['Kremlin', 'institution', 'Russia', 'Kremlin'],
			['Dmitry Peskov', 'person', 'Russia', 'Dmitry Peskov'],
			["Russia's Foreign Ministry", 'institution', 'Russia', 'Russian Foreign Ministry'],
			['Chinese Embassy', 'institution', 'China', 'Chinese Embassy'],
		]);
	});

	it('reads "US" in capitals as the United States but not the pronoun "us"', () => {
		const names = findActorMentions('The US told us to wait.').map((m) => m.text);
		expect(names).toEqual(['US']);
	});

	it('needs a capital letter: "turkey" and "china" in lower case are not states', () => {
		expect(findActorMentions('roast turkey served on fine china')).toEqual([]);
	});

	it('names a state’s leaders as its government, a group’s leaders as written', () => {
		const speakers = findActorMentions('Russian leaders and European leaders met.').map((m) => m.speaker);
		expect(speakers).toEqual(['Russian government', 'European leaders']);
	});

	it('reads demonyms and plural demonyms as their state', () => {
		const found = findActorMentions('Greenlanders and the Russian leader').map((m) => m.actor.name);
		expect(found).toEqual(['Greenland', 'Russia']);
	});
});

describe('registry data files', () => {
	const copyWith = (file: string, text: string) => {
		const dir = mkdtempSync(join(tmpdir(), 'actors-'));
		for (const f of [
			'countries.yaml',
			'organisations.yaml',
			'institutions.yaml',
			'institution-nouns.yaml',
			'people.yaml',
		]) {
			const url = new URL(`../src/actors/data/${f}`, import.meta.url);
			writeFileSync(join(dir, f), f === file ? text : readFileSync(url, 'utf8'));
		}
		return pathToFileURL(`${dir}/`);
	};

	it('loads a person added to the data as an alias, with no code change', () => {
		const people = `- { name: Jane Example, actor: Russia, role: Russian envoy, from: 2024 }\n`;
		const registry = loadRegistry(copyWith('people.yaml', people));
		expect(registry.index.get('jane example')?.[0]?.actor.name).toBe('Russia');
		expect(registry.index.get('example')?.[0]?.speaker).toBe('Jane Example');
	});

	it('rejects a person whose actor is unknown, naming the file and the person', () => {
		const people = `- { name: Jane Example, actor: Atlantis, role: envoy }\n`;
		expect(() => loadRegistry(copyWith('people.yaml', people))).toThrow(
			/people\.yaml \(Jane Example\): unknown actor "Atlantis"/,
		);
	});

	it('rejects a malformed date with the file name and the entry', () => {
		const people = `- { name: Jane Example, actor: Russia, role: envoy, from: last spring }\n`;
		expect(() => loadRegistry(copyWith('people.yaml', people))).toThrow(/people\.yaml[\s\S]*from/);
	});

	it('rejects a file that is not YAML, naming it', () => {
		expect(() => loadRegistry(copyWith('institutions.yaml', '- { name: [unclosed'))).toThrow(/institutions\.yaml/);
	});
});

describe('speakerInProse', () => {
	it('gives institutions and governments their article and leaves people and organisations alone', () => {
		expect(speakerInProse('Kremlin')).toBe('the Kremlin');
		expect(speakerInProse('Russian government')).toBe('the Russian government');
		expect(speakerInProse('Chinese Foreign Ministry')).toBe('the Chinese Foreign Ministry');
		expect(speakerInProse('Sergei Lavrov')).toBe('Sergei Lavrov');
		expect(speakerInProse('NATO')).toBe('NATO');
	});
});
