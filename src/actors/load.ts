import type { z } from 'zod';
import { loadCountries } from './countries.js';
import { normaliseName } from './normalise.js';
import {
	InstitutionFileSchema,
	InstitutionNounFileSchema,
	OrganisationFileSchema,
	PeopleFileSchema,
	type PersonRole,
} from './schema.js';
import { readYamlFile } from './yaml-file.js';

/** What an actor is: a state or an organisation of some kind. */
export type ActorKind = 'country' | 'igo' | 'alliance' | 'group' | 'armed-group' | 'ngo';
/** A state or organisation that holds positions. `name` is the canonical plain-English name. */
export type Actor = { name: string; kind: ActorKind; code: string | null; adjective: string };
/** An office-holder and the roles they held. */
export type Person = { name: string; actor: string; roles: PersonRole[] };
/** How an alias names its actor. */
export type AliasKind = 'actor' | 'demonym' | 'capital' | 'institution' | 'person' | 'surname';
/** One name in the index: what it stands for and who it speaks as. */
export type AliasEntry = {
	alias: string;
	kind: AliasKind;
	actor: Actor;
	/** The speaker this alias names: a person, an institution, or "<adjective> government" for a state. */
	speaker: string;
	person: Person | null;
	/** All capitals in the data ("US", "WHO"): matches running text only when written in capitals. */
	acronym: boolean;
};
/** A kind of institution every state has ("Foreign Ministry"). */
export type InstitutionNoun = { name: string; collective: boolean };
/** The loaded registry. */
export type Registry = {
	actors: Map<string, Actor>;
	index: Map<string, AliasEntry[]>;
	/** For each word that starts an alias, the most words such an alias has. */
	firstWords: Map<string, number>;
	nouns: Map<string, InstitutionNoun>;
	nounMaxTokens: number;
	people: Person[];
};

const PRIORITY: Record<AliasKind, number> = { person: 5, institution: 4, actor: 3, capital: 2, demonym: 1, surname: 0 };

/** Where the registry's data files live. */
export const DATA_DIR = new URL('./data/', import.meta.url);

/** Reads and validates one file of the data folder. */
export const readYaml = <T extends z.ZodType>(dir: URL, file: string, schema: T): z.infer<T> =>
	readYamlFile(new URL(file, dir), schema);

/** The index key of an alias: normalised, without a leading "the". */
export function aliasKey(alias: string): string {
	return normaliseName(alias).replace(/^the /, '');
}

/** Loads every data file and builds the alias index. Throws with the file name when a file is malformed. */
export function loadRegistry(dir: URL = DATA_DIR): Registry {
	const actors = new Map<string, Actor>();
	const index = new Map<string, AliasEntry[]>();
	const add = (alias: string, kind: AliasKind, actor: Actor, speaker: string, person: Person | null = null) => {
		const key = aliasKey(alias);
		if (!key) return;
		const acronym = /^[A-Z][A-Z0-9.+-]*$/.test(alias) && alias.replace(/\W/g, '').length <= 6;
		const list = index.get(key) ?? [];
		if (list.some((e) => e.kind === kind && e.actor === actor && e.speaker === speaker)) return;
		list.push({ alias, kind, actor, speaker, person, acronym });
		list.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind]);
		index.set(key, list);
	};
	const actorNamed = (name: string, where: string): Actor => {
		const a = actors.get(aliasKey(name));
		if (!a) throw new Error(`${where}: unknown actor "${name}"`);
		return a;
	};

	for (const c of loadCountries(dir)) {
		const actor: Actor = { name: c.name, kind: 'country', code: c.code, adjective: c.adjective };
		actors.set(aliasKey(c.name), actor);
		const gov = `${c.adjective} government`;
		for (const n of c.names) add(n, 'actor', actor, gov);
		for (const d of c.demonyms) add(d, 'demonym', actor, gov);
		for (const cap of c.capitals) add(cap, 'capital', actor, gov);
	}
	for (const o of readYaml(dir, 'organisations.yaml', OrganisationFileSchema)) {
		const actor: Actor = { name: o.name, kind: o.kind, code: null, adjective: o.adjective ?? o.name };
		actors.set(aliasKey(o.name), actor);
		for (const n of [o.name, ...o.aliases]) add(n, 'actor', actor, o.name);
		for (const d of o.demonyms) add(d, 'demonym', actor, o.name);
	}
	for (const i of readYaml(dir, 'institutions.yaml', InstitutionFileSchema)) {
		const actor = actorNamed(i.actor, `institutions.yaml (${i.name})`);
		for (const n of [i.name, ...i.aliases]) add(n, 'institution', actor, i.name);
	}
	const people: Person[] = [];
	const surnames = new Map<string, Person[]>();
	for (const p of readYaml(dir, 'people.yaml', PeopleFileSchema)) {
		const roles = (p.roles ?? [{ role: p.role ?? '', from: p.from, to: p.to }]).map((r) => ({
			...r,
			actor: r.actor ?? p.actor,
		}));
		for (const r of roles) actorNamed(r.actor, `people.yaml (${p.name})`);
		const person: Person = { name: p.name, actor: p.actor, roles };
		people.push(person);
		const actor = actorNamed(p.actor, `people.yaml (${p.name})`);
		for (const n of [p.name, ...p.aliases]) add(n, 'person', actor, p.name, person);
		// The last word of the name and of each spelling ("Pashinyan", "Pashinian"), unless the data names the surname.
		const own = p.surname === undefined ? [p.name, ...p.aliases].map((n) => n.split(/\s+/).at(-1) ?? '') : [p.surname];
		for (const surname of new Set(own)) {
			if (!surname || aliasKey(surname).length < 3 || aliasKey(surname).includes(' ') !== surname.includes(' '))
				continue;
			const list = surnames.get(aliasKey(surname)) ?? [];
			if (!list.includes(person)) surnames.set(aliasKey(surname), [...list, person]);
			if (list.length === 0) add(surname, 'surname', actor, p.name, person);
		}
	}
	// A surname two people share names neither of them.
	for (const [key, owners] of surnames) {
		if (owners.length > 1)
			index.set(
				key,
				(index.get(key) ?? []).filter((e) => e.kind !== 'surname'),
			);
	}
	// A demonym or capital shared by two states ("Congolese") names neither of them.
	for (const [key, list] of index) {
		const weak = list.filter((e) => e.kind === 'demonym' || e.kind === 'capital');
		if (new Set(weak.map((e) => e.actor)).size > 1)
			index.set(
				key,
				list.filter((e) => !weak.includes(e)),
			);
		if (index.get(key)?.length === 0) index.delete(key);
	}
	const nouns = new Map<string, InstitutionNoun>();
	for (const n of readYaml(dir, 'institution-nouns.yaml', InstitutionNounFileSchema)) {
		for (const a of [n.name, ...n.aliases]) nouns.set(aliasKey(a), { name: n.name, collective: n.collective });
	}
	const firstWords = new Map<string, number>();
	for (const key of index.keys()) {
		const words = key.split(' ');
		firstWords.set(words[0] ?? '', Math.max(firstWords.get(words[0] ?? '') ?? 0, words.length));
	}
	const nounMaxTokens = Math.max(...[...nouns.keys()].map((k) => k.split(' ').length));
	return { actors, index, firstWords, nouns, nounMaxTokens, people };
}
