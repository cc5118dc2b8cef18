import { createRequire } from 'node:module';
import { z } from 'zod';
import { readYaml } from './load.js';
import { CountryFileSchema } from './schema.js';

/** A country with every name news uses for it. */
export type CountryRecord = {
	code: string;
	name: string;
	adjective: string;
	names: string[];
	demonyms: string[];
	capitals: string[];
};

const WorldCountrySchema = z.object({
	cca3: z.string(),
	independent: z.boolean().nullable(),
	name: z.object({ common: z.string(), official: z.string() }),
	altSpellings: z.array(z.string()),
	capital: z.array(z.string()).default([]),
	demonyms: z.object({ eng: z.object({ m: z.string(), f: z.string() }) }).optional(),
});

// Scripts other than Latin cannot appear in English news as written, and two-letter codes ("IT", "NO") are words.
const usable = (s: string) => s.length > 3 && /^[\p{Script=Latin}\p{N} .,'’()-]+$/u.test(s) && !s.includes(',');

function plural(demonym: string): string[] {
	return /(s|sh|ch|x|z|ese|i)$/.test(demonym) ? [] : [`${demonym}s`];
}

/** Builds the country table from world-countries plus countries.yaml in the data folder. */
export function loadCountries(dir: URL): CountryRecord[] {
	const require = createRequire(import.meta.url);
	const world = z.array(WorldCountrySchema).parse(require('world-countries/countries.json'));
	const file = readYaml(dir, 'countries.yaml', CountryFileSchema);
	const drop = new Set(file.drop);
	const include = new Set(file.include);
	const out: CountryRecord[] = [];
	for (const c of world) {
		if (!c.independent && !include.has(c.cca3)) continue;
		const o = file.countries[c.cca3];
		const name = o?.name ?? c.name.common;
		const worldDemonyms = (c.demonyms?.eng.m ?? '').split(/,| or /).map((d) => d.trim());
		const demonyms = o?.demonyms ?? worldDemonyms.filter(Boolean).flatMap((d) => [d, ...plural(d)]);
		const names = [c.name.common, c.name.official, ...c.altSpellings.filter(usable), ...(o?.aliases ?? [])];
		if (o?.name) names.push(o.name);
		const keep = (s: string) => !drop.has(s);
		out.push({
			code: c.cca3,
			name,
			adjective: o?.adjective ?? worldDemonyms[0] ?? name,
			names: [...new Set(names)].filter(keep),
			demonyms: demonyms.filter(keep),
			capitals: (o?.capitals ?? c.capital).filter(keep),
		});
	}
	return out;
}
