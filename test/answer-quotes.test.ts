import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findQuotes } from '../src/answer/find-quotes.js';
import { UserError } from '../src/errors.js';
import type { Store } from '../src/store/store.js';
import { depsFor, peacekeepersArticle, seed } from './answer-fixtures.js';
import { openTestStore } from './helpers/stores.js';

describe('/quotes', () => {
	let store: Store;
	beforeAll(async () => {
		store = await openTestStore();
		// Twelve days of Foreign Ministry briefings on sanctions, then the peacekeepers report (with a claim about Russia).
		await seed(store, [
			...Array.from({ length: 12 }, (_, i) => ({
				published: `2024-06-${String(i + 1).padStart(2, '0')}`,
				statements: [
					{
						quote: `Briefing ${i + 1}: the sanctions against Russia are illegitimate and will fail.`,
						speaker: 'Maria Zakharova',
						actor: 'Russia',
						topic: 'sanctions-on-russia',
						stance: 'oppose' as const,
					},
				],
			})),
			peacekeepersArticle,
		]);
	});
	afterAll(() => store.close());

	it("lists the actor's own words newest first, ten a page, numbered across pages, never claims by others", async () => {
		const first = await findQuotes({ actor: 'russia' }, depsFor(store));
		expect(first.quotes).toHaveLength(10);
		expect(first.hasMore).toBe(true);
		expect(first.quotes.slice(0, 3).map((q) => q.speaker)).toEqual([
			'Sergei Lavrov',
			'Dmitry Peskov',
			'Maria Zakharova',
		]);
		expect(first.quotes[2]?.quote).toMatch(/^Briefing 12:/);
		const second = await findQuotes({ actor: 'russia', page: 2 }, depsFor(store));
		expect(second.quotes.map((q) => q.n)).toEqual([11, 12, 13, 14]);
		expect(second.hasMore).toBe(false);
		const all = [...first.quotes, ...second.quotes];
		expect(all.some((q) => q.speaker === 'Donald Trump')).toBe(false);
	});

	it('narrows to a topic and a speaker', async () => {
		const page = await findQuotes(
			{ actor: 'russia', topic: 'sanctions-on-russia', speaker: 'zakharova' },
			depsFor(store),
		);
		expect(page.topic).toBe('Sanctions on Russia');
		expect(page.quotes).toHaveLength(10);
		expect(page.quotes.every((q) => q.speaker === 'Maria Zakharova')).toBe(true);
		const lavrov = await findQuotes({ actor: 'russia', speaker: 'Lavrov' }, depsFor(store));
		expect(lavrov.quotes.map((q) => q.speaker)).toEqual(['Sergei Lavrov']);
	});

	it('says clearly when a page is past the end or the input is bad', async () => {
		await expect(findQuotes({ actor: 'russia', page: 3 }, depsFor(store))).rejects.toThrow(/page 3 is past the end/);
		await expect(findQuotes({ actor: 'russia', page: 0 }, depsFor(store))).rejects.toThrow(
			/Page must be a whole number/,
		);
		await expect(findQuotes({ actor: 'Atlantis', page: 1 }, depsFor(store))).rejects.toBeInstanceOf(UserError);
		await expect(findQuotes({ actor: 'russia', speaker: 'Nobody Atall' }, depsFor(store))).rejects.toThrow(
			'No statements stored from Russia by Nobody Atall.',
		);
	});
});
