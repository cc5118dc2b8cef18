import { firstNameGender } from '../actors/first-names.js';
import { type Gender, type Person, type Salient, words } from './mention-words.js';
import type { Resolved } from './mentions.js';

/** The entries before `at`, most recent first, within a window long enough for any paragraph's pronouns. */
function recentBefore(salient: Salient[], at: number, window = 60): Salient[] {
	let lo = 0;
	let hi = salient.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((salient[mid] as Salient).at < at) lo = mid + 1;
		else hi = mid;
	}
	return salient.slice(Math.max(0, lo - window), lo).reverse();
}

/** The first name's usual gender when known, else what the text has shown (titles, earlier pronouns). */
export function genderOf(p: Person): Gender {
	const guess = p.words.length >= 2 ? firstNameGender(p.words[0] ?? '') : 'unknown';
	return guess === 'male' ? 'm' : guess === 'female' ? 'f' : p.gender;
}

/** The person in focus whose titles hold every word of `role` ("the spokesman", "the foreign minister"). */
export function personByRole(role: string, at: number, salient: Salient[], persons: Person[]): Person | undefined {
	const ws = words(role).filter((w) => !/^(the|a|an|his|her|their|its)$/.test(w));
	if (ws.length === 0) return undefined;
	const fits = (p: Person) => p.descriptors.some((d) => ws.every((w) => words(d).includes(w)));
	const before = recentBefore(salient, at).filter((s) => s.person);
	for (const s of before) {
		const p = persons.find((x) => x.name === s.name);
		if (p && fits(p)) return p;
	}
	return persons.find((p) => p.first < at && fits(p));
}

/**
 * The antecedent of a pronoun at `at`: "it" an organisation (one that spoke first), "they" a group that spoke or an
 * organisation, "he"/"she" (or "" for a definite description) the person most recently in focus.
 */
export function resolvePronoun(pronoun: string, at: number, salient: Salient[], persons: Person[]): Resolved | null {
	const before = recentBefore(salient, at);
	if (pronoun === 'it' || pronoun === 'they') {
		const orgs = before.filter((s) => !s.person).slice(0, 3);
		const group = pronoun === 'they' ? orgs.find((s) => s.plural) : undefined;
		const org = group ?? orgs.find((s) => s.speaker && !s.plural) ?? orgs.find((s) => !s.plural);
		if (!org) return null;
		return { speaker: org.name, descriptor: null, kind: org.plural ? 'generic' : 'org', plural: org.plural };
	}
	const want: Gender = pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : null;
	const recent: Array<{ name: string; person: Person | undefined; sure: boolean }> = [];
	for (const s of before) {
		if (!s.person) continue;
		const person = persons.find((x) => x.name === s.name);
		const sure = s.speaker === true || (person !== undefined && (person.titled || genderOf(person) !== null));
		const seen = recent.find((r) => r.name === s.name);
		if (seen) seen.sure ||= sure;
		else recent.push({ name: s.name, person, sure });
		if (recent.length === 5) break;
	}
	// Gender is a preference, not a filter: a first-name guess can be wrong, and a lone candidate still wins.
	// A capitalised phrase never seen speaking, titled or with a known first name ("Nova Scotia") comes last.
	const fits = (r: (typeof recent)[number]) => !want || !r.person || (genderOf(r.person) ?? want) === want;
	const pick = recent.find((r) => r.sure && fits(r)) ?? recent.find((r) => r.sure) ?? recent.find(fits) ?? recent[0];
	if (!pick) return null;
	if (pick.person && want && !pick.person.gender) pick.person.gender = want;
	return { speaker: pick.name, descriptor: pick.person?.descriptors[0] ?? null, kind: 'person' };
}
