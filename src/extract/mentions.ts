import { definedAcronyms } from './acronyms.js';
import type { Doc, Token } from './doc.js';
import { personByRole, resolvePronoun } from './focus.js';
import { ROLE_NOUNS, TITLE_WORDS } from './lexicon.js';
import {
	COLLECTIVE,
	DOCUMENT,
	FEMALE,
	fold,
	MALE,
	ORG_HEAD,
	type Person,
	type Salient,
	surname,
	words,
} from './mention-words.js';
import { phraseEndingAt, type SpeakerKind, type SpeakerPhrase } from './phrases.js';

/** A speaker after the mention table: the full name or organisation as first introduced. */
export type Resolved = { speaker: string; descriptor: string | null; kind: SpeakerKind; plural?: boolean };

/**
 * The article's people and organisations in order of appearance, so that "Peskov", "he" and "the spokesman"
 * resolve to the full name first introduced, and "the ministry" to the ministry named earlier.
 */
export class MentionTable {
	private persons: Person[] = [];
	private orgs: Array<{ name: string; at: number }> = [];
	private salient: Salient[] = [];
	private acronyms = new Map<string, string>();
	private mentions: Array<{ at: number; person: Person }> = [];
	private byWord = new Map<string, Person[]>();

	constructor(
		private doc: Doc,
		skipParagraphs: Set<number> = new Set(),
	) {
		for (const unit of doc.units) if (!skipParagraphs.has(unit.para)) this.scanUnit(unit.from, unit.to);
		this.acronyms = definedAcronyms(doc);
	}

	private scanUnit(from: number, to: number): void {
		const { tokens, body } = this.doc;
		// The unit's first name or organisation is its subject; a longer phrase holding it replaces it
		// ("Kremlin spokesman Pavel Orlik" first offers "Kremlin").
		let subjectFrom = -1;
		let subjectEntry: Salient | null = null;
		const takeSubject = (p: { from: number; to: number }, entry: Salient) => {
			if (subjectFrom >= 0 && p.from > subjectFrom) return;
			// "It is on Trudeau's watch": an owner is not the sentence's subject.
			if (tokens[p.to]?.lower === "'s") return;
			// The entry pushed last for this sentence is its current subject.
			if (subjectEntry && this.salient.at(-1) === subjectEntry) this.salient.pop();
			this.salient.push(entry);
			subjectFrom = p.from;
			subjectEntry = entry;
		};
		let depth = 0;
		for (let i = from; i < to; i++) {
			const t = tokens[i] as Token;
			if (t.quote >= 0) continue;
			// Photo credits and asides, "( Richard Lautens / Toronto Star )", name no one in the story.
			if (t.text === '(') depth++;
			if (t.text === ')') depth = Math.max(0, depth - 1);
			if (depth > 0 || tokens[i + 1]?.text === '/' || tokens[i - 1]?.text === '/') continue;
			const next = tokens[i + 1];
			const endsRun = /^\p{Lu}/u.test(t.text) && !(next && next.quote < 0 && /^\p{Lu}/u.test(next.text) && i + 1 < to);
			if (!endsRun) continue;
			const p = phraseEndingAt(tokens, body, i, from);
			if (!p?.name) continue;
			if (p.kind === 'org') {
				this.orgs.push({ name: p.name, at: t.start });
				takeSubject(p, { at: t.start, name: p.name, person: false });
				continue;
			}
			if (p.kind !== 'person') continue;
			const descriptors = [p.descriptor, this.apposition(i + 1, to)].filter((d): d is string => !!d);
			const nameTokens = tokens.slice(p.from, p.to).filter((x) => p.name?.includes(x.text));
			const full = nameTokens.length >= 2 && nameTokens.every((x) => x.pos === 'PROPN');
			const known = this.findPerson(words(fold(p.name)));
			if (!full && !known && descriptors.length === 0) continue;
			const person = this.addPerson(p.name, descriptors, i);
			this.mentions.push({ at: t.start, person });
			takeSubject(p, { at: t.start, name: person.name, person: true });
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
		const person = known ?? { name, words: ws, descriptors: [], gender: null, first: at, titled: false };
		person.titled ||= descriptors.some((d) => words(d).some((w) => ROLE_NOUNS.has(w) || TITLE_WORDS.has(w)));
		if (!known) {
			this.persons.push(person);
			for (const w of ws) this.byWord.set(w, [...(this.byWord.get(w) ?? []), person]);
		}
		for (const d of descriptors) if (!person.descriptors.includes(d)) person.descriptors.push(d);
		const all = descriptors.join(' ');
		person.gender ??= FEMALE.test(all) ? 'f' : MALE.test(all) ? 'm' : null;
		return person;
	}

	/** The first-introduced person whose name contains these words, or whose surname is the last of them. */
	private findPerson(ws: string[]): Person | undefined {
		const last = surname(ws);
		// Only people sharing a word can match: look them up by word, keep first-introduced order.
		const candidates = [...new Set(ws.flatMap((w) => this.byWord.get(w) ?? []))].sort((a, b) => a.first - b.first);
		return (
			candidates.find((p) => ws.every((w) => p.words.includes(w))) ??
			candidates.find((p) => surname(p.words) === last && (ws.length === 1 || p.words[0] === ws[0]))
		);
	}

	/** Records a resolved speaker as the most salient referent at this offset. */
	noteSpeaker(r: Resolved, at: number): void {
		// A group that speaks ("Republican senators said", "X and Y said") is what a later "they" refers to.
		const plural = r.plural === true || (r.kind === 'generic' && /s$/.test(words(r.speaker).at(-1) ?? ''));
		if (r.kind !== 'person' && r.kind !== 'org' && !plural) return;
		const entry = { at, name: r.speaker, person: r.kind === 'person' && !plural, speaker: true, plural };
		let i = this.salient.length;
		while (i > 0 && (this.salient[i - 1] as Salient).at > at) i--;
		this.salient.splice(i, 0, entry);
	}

	/** The person a sentence spanning [from, to) is about: its subject, when it names one. */
	subjectWithin(from: number, to: number): Resolved | null {
		const m = this.mentions.find((x) => x.at >= from && x.at < to);
		if (!m) return null;
		return { speaker: m.person.name, descriptor: m.person.descriptors[0] ?? null, kind: 'person' };
	}

	/** Resolves a speaker phrase at body offset `at`; null when a pronoun has no antecedent. */
	resolve(p: SpeakerPhrase, at: number): Resolved | null {
		if (p.kind === 'pronoun') {
			const lower = p.text.toLowerCase();
			return this.resolvePronoun(
				lower === 'him' ? 'he' : lower === 'her' ? 'she' : lower === 'them' ? 'they' : lower,
				at,
			);
		}
		if (p.det !== null && p.det !== 'a' && p.det !== 'an' && DOCUMENT.test(words(p.text).at(-1) ?? '')) {
			// "the statement said": whoever issued it, the most recent organisation or person in focus.
			const issuer = this.salient.filter((s) => s.at < at).at(-1);
			if (issuer) return { speaker: issuer.name, descriptor: null, kind: issuer.person ? 'person' : 'org' };
		}
		const expanded = p.name ? this.acronyms.get(p.name) : undefined;
		if (expanded) return { speaker: expanded, descriptor: null, kind: 'org' };
		if (p.plural && p.name) return { speaker: p.name, descriptor: p.descriptor, kind: 'person', plural: true };
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
			!/\p{Lu}/u.test(p.text) &&
			!COLLECTIVE.test(words(p.text).at(-1) ?? '')
		) {
			// "the laid-back Cambridge resident": a definite description of the person in focus.
			const person = this.resolvePronoun('', at);
			if (person) return { ...person, descriptor: person.descriptor ?? p.text };
		}
		if (p.kind === 'role') return { speaker: p.text, descriptor: p.descriptor, kind: 'role' };
		// "Jordan said", after "Jordan Stewart" was introduced: a person's name, whatever else it could be.
		if (p.kind === 'org' && p.name && !p.name.includes(' ')) {
			const person = this.findPerson(words(fold(p.name)));
			if (person) return { speaker: person.name, descriptor: person.descriptors[0] ?? null, kind: 'person' };
		}
		if (p.kind === 'org' && p.name) {
			const lower = p.name.toLowerCase();
			const longer = this.orgs.find((o) => o.at < at && o.name.toLowerCase().startsWith(`${lower} `));
			return { speaker: longer?.name ?? p.name, descriptor: p.viaRole ? p.descriptor : null, kind: 'org' };
		}
		const head = words(p.text).at(-1) ?? '';
		const org = [...this.orgs].reverse().find((o) => o.at < at && words(o.name).includes(head));
		if (org && ORG_HEAD.test(head)) return { speaker: org.name, descriptor: null, kind: 'org' };
		return { speaker: p.text, descriptor: null, kind: 'generic' };
	}

	private byRole(role: string, at: number): Person | undefined {
		return personByRole(role, at, this.salient, this.persons);
	}

	private resolvePronoun(pronoun: string, at: number): Resolved | null {
		return resolvePronoun(pronoun, at, this.salient, this.persons);
	}
}
