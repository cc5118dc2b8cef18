import type { Doc, Token } from './doc.js';
import { ROLE_NOUNS } from './lexicon.js';
import { phraseEndingAt, type SpeakerKind, type SpeakerPhrase } from './phrases.js';

/** A speaker after the mention table: the full name or organisation as first introduced. */
export type Resolved = { speaker: string; descriptor: string | null; kind: SpeakerKind };

type Gender = 'm' | 'f' | null;
type Person = { name: string; words: string[]; descriptors: string[]; gender: Gender; first: number };
type Salient = { at: number; name: string; person: boolean };

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
const FEMALE =
	/\b(ms|mrs|miss|madam|spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|duchess|lady|dame)\b/i;
const MALE = /\b(mr|spokesman|chairman|congressman|businessman|king|prince|duke|lord|sir)\b/i;
const COLLECTIVE =
	/^(company|city|agency|union|government|ministry|police|council|commission|department|board|court|party|group|report|study|statement|survey|data|organization|organisation|office|embassy|administration|army|military|team|club|province|state|country|university|school|hospital|association|firm|bank|committee|authority|authorities|campaign|coalition|opposition|band|league|service|network|newspaper|station|website)$/;
const words = (s: string): string[] =>
	s
		.toLowerCase()
		.split(/[\s-]+/)
		.filter(Boolean);
const surname = (ws: string[]): string => [...ws].reverse().find((w) => !SUFFIX.test(w)) ?? '';
const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/**
 * The article's people and organisations in order of appearance, so that "Peskov", "he" and "the spokesman"
 * resolve to the full name first introduced, and "the ministry" to the ministry named earlier.
 */
export class MentionTable {
	private persons: Person[] = [];
	private orgs: Array<{ name: string; at: number }> = [];
	private salient: Salient[] = [];

	constructor(private doc: Doc) {
		for (const unit of doc.units) this.scanUnit(unit.from, unit.to);
	}

	private scanUnit(from: number, to: number): void {
		const { tokens, body } = this.doc;
		let subjectSeen = false;
		for (let i = from; i < to; i++) {
			const t = tokens[i] as Token;
			if (t.quote >= 0) continue;
			if ((t.pos === 'VERB' || t.pos === 'AUX') && !subjectSeen) subjectSeen = true;
			const next = tokens[i + 1];
			const endsRun = /^\p{Lu}/u.test(t.text) && !(next && next.quote < 0 && /^\p{Lu}/u.test(next.text) && i + 1 < to);
			if (!endsRun) continue;
			const p = phraseEndingAt(tokens, body, i, from);
			if (!p) continue;
			const appos = this.apposition(i + 1, to);
			const single = p.to - p.from === 1 && t.pos !== 'PROPN';
			if (p.kind === 'person' && p.name && !single) {
				const person = this.addPerson(
					p.name,
					[p.descriptor, appos].filter((d): d is string => !!d),
					i,
				);
				if (!subjectSeen) this.salient.push({ at: t.start, name: person.name, person: true });
			} else if (p.kind === 'org' && p.name) {
				this.orgs.push({ name: p.name, at: t.start });
				if (!subjectSeen) this.salient.push({ at: t.start, name: p.name, person: false });
			}
		}
	}

	/** ", the Kremlin spokesman," after a name: a descriptor when it holds a role noun. */
	private apposition(i: number, to: number): string | null {
		const { tokens, body } = this.doc;
		if (tokens[i]?.text !== ',' || !/^(the|a|an)$/.test(tokens[i + 1]?.lower ?? '')) return null;
		let j = i + 2;
		while (j < to && j < i + 16 && tokens[j]?.text !== ',' && tokens[j]?.pos !== 'VERB' && tokens[j]?.quote === -1) j++;
		if (j >= to || j === i + 2) return null;
		const ws = tokens.slice(i + 2, j);
		if (!ws.some((t) => ROLE_NOUNS.has(t.lower))) return null;
		return body.slice((tokens[i + 1] as Token).start, (tokens[j - 1] as Token).end);
	}

	private addPerson(name: string, descriptors: string[], at: number): Person {
		const ws = words(fold(name));
		const known = this.findPerson(ws);
		const person = known ?? { name, words: ws, descriptors: [], gender: null, first: at };
		if (!known && ws.length >= 2) this.persons.push(person);
		for (const d of descriptors) if (!person.descriptors.includes(d)) person.descriptors.push(d);
		const all = descriptors.join(' ');
		person.gender ??= FEMALE.test(all) ? 'f' : MALE.test(all) ? 'm' : null;
		return person;
	}

	/** The first-introduced person whose name contains these words, or whose surname is the last of them. */
	private findPerson(ws: string[]): Person | undefined {
		const last = surname(ws);
		return (
			this.persons.find((p) => ws.every((w) => p.words.includes(w))) ??
			this.persons.find((p) => surname(p.words) === last && (ws.length === 1 || p.words[0] === ws[0]))
		);
	}

	/** Records a resolved speaker as the most salient referent at this offset. */
	noteSpeaker(r: Resolved, at: number): void {
		if (r.kind !== 'person' && r.kind !== 'org') return;
		const entry = { at, name: r.speaker, person: r.kind === 'person' };
		let i = this.salient.length;
		while (i > 0 && (this.salient[i - 1] as Salient).at > at) i--;
		this.salient.splice(i, 0, entry);
	}

	/** Resolves a speaker phrase at body offset `at`; null when a pronoun has no antecedent. */
	resolve(p: SpeakerPhrase, at: number): Resolved | null {
		if (p.kind === 'pronoun') return this.resolvePronoun(p.text.toLowerCase(), at);
		if (p.kind === 'person' && p.name) {
			const person = this.findPerson(words(fold(p.name)));
			if (person)
				return { speaker: person.name, descriptor: p.descriptor ?? person.descriptors[0] ?? null, kind: 'person' };
			return { speaker: p.name, descriptor: p.descriptor, kind: 'person' };
		}
		if (p.kind === 'role') {
			const person = this.byRole(p.descriptor ?? p.text, at);
			if (person) return { speaker: person.name, descriptor: person.descriptors[0] ?? p.text, kind: 'person' };
		}
		if (
			(p.kind === 'role' || p.kind === 'generic') &&
			p.det === 'the' &&
			!COLLECTIVE.test(words(p.text).at(-1) ?? '')
		) {
			// "the laid-back Cambridge resident": a definite description of the person in focus.
			const person = this.resolvePronoun('', at);
			if (person) return { ...person, descriptor: person.descriptor ?? p.text };
		}
		if (p.kind === 'role') return { speaker: p.text, descriptor: p.descriptor, kind: 'role' };
		if (p.kind === 'org' && p.name) {
			const lower = p.name.toLowerCase();
			const longer = this.orgs.find((o) => o.at < at && o.name.toLowerCase().startsWith(`${lower} `));
			return { speaker: longer?.name ?? p.name, descriptor: p.viaRole ? p.descriptor : null, kind: 'org' };
		}
		const head = words(p.text).at(-1) ?? '';
		const org = [...this.orgs].reverse().find((o) => o.at < at && words(o.name).includes(head));
		if (org && /^(ministry|embassy|government|department|office|agency|council|commission|company|party)$/.test(head))
			return { speaker: org.name, descriptor: null, kind: 'org' };
		return { speaker: p.text, descriptor: null, kind: 'generic' };
	}

	private byRole(role: string, at: number): Person | undefined {
		const ws = words(role).filter((w) => !/^(the|a|an|his|her|their|its)$/.test(w));
		const head = ws.at(-1);
		if (!head) return undefined;
		const fits = (p: Person) => p.descriptors.some((d) => ws.every((w) => words(d).includes(w)));
		const before = this.salient.filter((s) => s.at < at && s.person).reverse();
		for (const s of before) {
			const p = this.persons.find((x) => x.name === s.name);
			if (p && fits(p)) return p;
		}
		return this.persons.find((p) => p.first < at && fits(p));
	}

	private resolvePronoun(pronoun: string, at: number): Resolved | null {
		const before = this.salient.filter((s) => s.at < at).reverse();
		if (pronoun === 'it' || pronoun === 'they') {
			const org = before.find((s) => !s.person);
			return org ? { speaker: org.name, descriptor: null, kind: 'org' } : null;
		}
		const want: Gender = pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : null;
		for (const s of before) {
			if (!s.person) continue;
			const p = this.persons.find((x) => x.name === s.name);
			if (want && p?.gender && p.gender !== want) continue;
			if (p && want) p.gender = want;
			return { speaker: s.name, descriptor: p?.descriptors[0] ?? null, kind: 'person' };
		}
		return null;
	}
}
