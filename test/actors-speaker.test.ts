import { describe, expect, it } from 'vitest';
import { resolveSpeakerInArticle } from '../src/actors/article.js';
import { resolveSpeaker } from '../src/actors/speaker.js';

describe('resolveSpeaker', () => {
	it('gives a known person their full name, role and actor, from a surname too', () => {
		expect(resolveSpeaker('Peskov')).toEqual({
			speaker: 'Dmitry Peskov',
			role: 'Kremlin spokesperson',
			actor: 'Russia',
		});
		expect(resolveSpeaker('Sergey Lavrov').speaker).toBe('Sergei Lavrov');
		expect(resolveSpeaker('Pashinian').speaker).toBe('Nikol Pashinyan');
	});

	it('finds the person inside a title and name as written', () => {
		expect(resolveSpeaker('Russian Foreign Minister Sergei Lavrov')).toMatchObject({
			speaker: 'Sergei Lavrov',
			actor: 'Russia',
		});
	});

	it('keeps an institution as the speaker and maps it to its state', () => {
		expect(resolveSpeaker('the Kremlin')).toEqual({ speaker: 'Kremlin', role: null, actor: 'Russia' });
		expect(resolveSpeaker('State Department')).toMatchObject({
			speaker: 'U.S. State Department',
			actor: 'United States',
		});
		expect(resolveSpeaker("Russia's Defence Ministry")).toMatchObject({
			speaker: 'Russian Defense Ministry',
			actor: 'Russia',
		});
		expect(resolveSpeaker('Ministry of Foreign Affairs of China').actor).toBe('China');
	});

	it('reads a capital or a state as its government', () => {
		expect(resolveSpeaker('Moscow')).toMatchObject({ speaker: 'Russian government', actor: 'Russia' });
		expect(resolveSpeaker('Beijing')).toMatchObject({ speaker: 'Chinese government', actor: 'China' });
		expect(resolveSpeaker('Azerbaijani leaders')).toMatchObject({
			speaker: 'Azerbaijani government',
			actor: 'Azerbaijan',
		});
	});

	it('takes the actor of an unknown person from their title', () => {
		expect(resolveSpeaker('Ivan Petrenko', 'Russian Foreign Minister')).toEqual({
			speaker: 'Ivan Petrenko',
			role: 'Russian Foreign Minister',
			actor: 'Russia',
		});
		expect(resolveSpeaker('Ivan Petrenko', 'Kremlin spokesperson').actor).toBe('Russia');
		expect(resolveSpeaker('Maria Gomez', 'a spokesperson for the White House National Security Council').actor).toBe(
			'United States',
		);
		expect(resolveSpeaker('Li Wei', 'the head of the UN nuclear watchdog').actor).toBe('IAEA');
	});

	it('leaves the actor unknown when nothing names one', () => {
		expect(resolveSpeaker('he', null)).toEqual({ speaker: 'he', role: null, actor: null });
		expect(resolveSpeaker('Jane Roe', 'a local teacher').actor).toBeNull();
	});

	it('picks the role a person held on the article date', () => {
		expect(resolveSpeaker('Mark Rutte', null, '2023-03-01')).toMatchObject({ actor: 'Netherlands' });
		expect(resolveSpeaker('Mark Rutte', null, '2025-03-01')).toMatchObject({
			actor: 'NATO',
			role: 'NATO Secretary General',
		});
		expect(resolveSpeaker('Mark Rutte', null, null).actor).toBe('NATO');
	});
});

describe('resolveSpeakerInArticle', () => {
	it('takes the actor from the title or apposition beside the name in the body', () => {
		const body =
			'Freedonia’s climate minister, Ana Lima, said the deal was weak. “It is not enough,” said Tom Vale, Marshall Islands climate envoy.';
		expect(resolveSpeakerInArticle('Ana Lima', null, body).actor).toBeNull();
		expect(resolveSpeakerInArticle('Tom Vale', null, body).actor).toBe('Marshall Islands');
		const body2 = "Sierra Leone's climate minister, Ana Lima, said the deal was weak.";
		expect(resolveSpeakerInArticle('Ana Lima', null, body2)).toMatchObject({ actor: 'Sierra Leone' });
	});

	it('reads a bare institution as the one the article names in full', () => {
		const body = "Russia's Defense Ministry announced a swap. The Defense Ministry said 75 soldiers returned.";
		expect(resolveSpeakerInArticle('Defense Ministry', null, body)).toMatchObject({
			speaker: 'Russian Defense Ministry',
			actor: 'Russia',
		});
		const body2 = 'The China Coast Guard said so. Coast Guard spokesperson Gan Yu said the boats left.';
		expect(resolveSpeakerInArticle('Gan Yu', 'Coast Guard spokesperson', body2)).toMatchObject({
			speaker: 'Gan Yu',
			actor: 'China',
		});
	});
});

describe('resolveSpeaker and namesakes', () => {
	it('does not take a namesake with another first name for a listed person', () => {
		expect(resolveSpeaker('Lisa Harris', null)).toEqual({ speaker: 'Lisa Harris', role: null, actor: null });
		expect(resolveSpeaker('Brian Gallant', 'Former premier').actor).toBeNull();
	});

	it('keeps a person’s office as the speaker, speaking for their state', () => {
		expect(resolveSpeaker("Trudeau's office")).toEqual({ speaker: "Trudeau's office", role: null, actor: 'Canada' });
	});
});

describe('resolveSpeakerInArticle and partial names', () => {
	it('looks up only full personal names in the body', () => {
		const body = 'The United States, Australia and the United Kingdom signed the pact.';
		expect(resolveSpeakerInArticle('United', null, body).actor).toBeNull();
	});
});

describe('first names that are also places', () => {
	it('reads a country or capital before a surname as a first name, not as a government', () => {
		for (const name of ['Chad Miller', 'Georgia Evans', 'Israel Kamakawiwo', 'Jordan Pell']) {
			expect(resolveSpeaker(name)).toEqual({ speaker: name, role: null, actor: null });
			expect(resolveSpeakerInArticle(name, null, `${name} said the season was over.`).actor).toBeNull();
		}
	});

	it('still reads a state before a title, an institution or an outlet as that state', () => {
		expect(resolveSpeaker('Jordan').speaker).toBe('Jordanian government');
		expect(resolveSpeaker('Georgia Foreign Ministry').actor).toBe('Georgia');
		expect(resolveSpeaker('Israel Defense Forces').actor).toBe('Israel');
		expect(resolveSpeaker('Moscow Times').actor).toBe('Russia');
	});
});
