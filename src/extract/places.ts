import { createRequire } from 'node:module';
import { z } from 'zod';

const CountrySchema = z.object({
	name: z.object({ common: z.string(), official: z.string() }),
	capital: z.array(z.string()).default([]),
	altSpellings: z.array(z.string()).default([]),
	demonyms: z.record(z.string(), z.object({ f: z.string(), m: z.string() })).optional(),
});
const countries = z.array(CountrySchema).parse(createRequire(import.meta.url)('world-countries/countries.json'));

// Seats of power used as metonyms in news ("Washington warned", "Downing Street said"); capitals come from the data.
const EXTRA = [
	'kremlin',
	'white house',
	'downing street',
	'elysee',
	'élysée',
	'pentagon',
	'whitehall',
	'brussels',
	'kyiv',
	'kiev',
	'tehran',
	'new delhi',
	'washington',
	'europe',
	'west',
	'eu',
	'u.s.',
	'us',
	'u.k.',
	'uk',
	'un',
	'u.n.',
	'nato',
];

function build(): { places: Set<string>; demonyms: Set<string> } {
	const places = new Set(EXTRA);
	const demonyms = new Set<string>();
	for (const c of countries) {
		places.add(c.name.common.toLowerCase());
		places.add(c.name.official.toLowerCase());
		for (const cap of c.capital) places.add(cap.toLowerCase());
		for (const alt of c.altSpellings) if (alt.length > 3) places.add(alt.toLowerCase());
		const d = c.demonyms?.eng;
		if (d) {
			demonyms.add(d.m.toLowerCase());
			demonyms.add(d.f.toLowerCase());
		}
	}
	return { places, demonyms };
}

const { places, demonyms } = build();

/** Whether a phrase names a country, capital or seat of power ("Moscow", "Russia", "the Kremlin"). */
export function isPlace(phrase: string): boolean {
	return places.has(phrase.toLowerCase().replace(/^the\s+/, ''));
}

/** Whether a word is a nationality adjective ("Russian", "Chinese"). */
export function isDemonym(word: string): boolean {
	return demonyms.has(word.toLowerCase());
}
