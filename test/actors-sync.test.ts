import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActors } from '../src/actors/registry.js';
import { registryRows, syncActors } from '../src/actors/sync.js';
import type { Store } from '../src/store/store.js';
import { backends } from './helpers/stores.js';

describe('the registry as mirror rows', () => {
	it('gives every actor a stable, unique, URL-safe id and its names as aliases', () => {
		const rows = registryRows();
		expect(rows).toHaveLength(listActors().length);
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		for (const r of rows) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		expect(rows.find((r) => r.name === 'Russia')).toMatchObject({ id: 'russia', kind: 'country', parent: null });
		expect(rows.find((r) => r.name === 'Russia')?.aliases).toEqual(expect.arrayContaining(['Kremlin', 'Moscow']));
		expect(registryRows()).toEqual(rows);
	});
});

describe.each(backends)('syncActors on $name', ({ skip, open }) => {
	if (skip) it.skip(`skipped: ${skip}`, () => {});
	if (skip) return;
	let store: Store;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store?.close());

	it('mirrors the registry once, so autocomplete finds "krem" → Russia, and skips an unchanged registry', async () => {
		expect(await store.actors.findByAliasPrefix('krem', 5)).toEqual([]);
		expect(await syncActors(store)).toEqual({ changed: true, actors: listActors().length });
		expect(await store.actors.findByAliasPrefix('krem', 5)).toContainEqual({ id: 'russia', name: 'Russia' });
		expect(await syncActors(store)).toEqual({ changed: false, actors: listActors().length });
	});

	it('rewrites the mirror when the registry changes: a new alias is found, a removed actor is gone', async () => {
		const rows = registryRows();
		const edited = rows
			.filter((r) => r.id !== 'russia')
			.map((r) => (r.id === 'france' ? { ...r, aliases: [...r.aliases, 'Quai d’Orsay annex'] } : r));
		expect(await syncActors(store, edited)).toMatchObject({ changed: true });
		expect(await store.actors.findByAliasPrefix('quai d’orsay a', 5)).toEqual([{ id: 'france', name: 'France' }]);
		expect(await store.actors.findByAliasPrefix('krem', 5)).toEqual([]);
		expect(await syncActors(store, edited)).toMatchObject({ changed: false });
		expect(await syncActors(store)).toMatchObject({ changed: true });
		expect(await store.actors.findByAliasPrefix('krem', 5)).toContainEqual({ id: 'russia', name: 'Russia' });
	});
});
