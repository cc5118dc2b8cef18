import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '../src/extract/statement.js';
import type { Article } from '../src/ingest/article.js';
import { dayOf } from '../src/store/articles.js';
import { redactDatabaseUrl } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { backends } from './helpers/stores.js';

let seq = 0;
function article(overrides: Partial<Article> = {}): Article {
	seq++;
	return {
		url: `https://news.example/${seq}`,
		outlet: 'Example News',
		title: 'Kremlin rejects European peacekeepers',
		published: '2025-02-25',
		body: `Body ${seq}. "We reject it," Peskov said.`,
		bodyHash: seq.toString(16).padStart(64, '0'),
		source: null,
		addedBy: 'cli',
		...overrides,
	};
}

function statement(overrides: Partial<Statement> = {}): Statement {
	return {
		start: 10,
		end: 22,
		quote: 'We reject it',
		kind: 'direct',
		speaker: 'Dmitry Peskov',
		speakerAsWritten: 'Peskov',
		speakerRole: 'Kremlin spokesman',
		actor: 'Russia',
		aboutActor: null,
		topic: 'european-peacekeepers-ukraine',
		stance: 'oppose',
		cue: 'said',
		context: '"We reject it," Peskov said of the peacekeeping force.',
		confidence: 0.9,
		extractor: 'rules',
		extractorVersion: 'v1',
		...overrides,
	};
}

describe.each(backends)('store on $name', (backend) => {
	let store: Store;
	beforeAll(async () => {
		if (!backend.skip) store = await backend.open();
	});
	afterAll(async () => store?.close());

	describe.skipIf(backend.skip)('articles', () => {
		it('saves a new article, then reports the same article as unchanged and keeps its statements', async () => {
			const a = article();
			const first = await store.articles.save(a, [statement()], 'v1');
			expect(first.outcome).toBe('inserted');
			const [before] = await store.statements.find({ actors: ['Russia'] });
			const again = await store.articles.save(a, [], 'v1');
			expect(again).toEqual({ id: first.id, outcome: 'unchanged' });
			const ids = (await store.statements.find({ actors: ['russia'] })).map((s) => s.id);
			expect(ids).toContain(before?.id);
		});

		it('re-extracts when the extractor version changed, keeping ids of statements at the same span', async () => {
			const a = article();
			const { id } = await store.articles.save(
				a,
				[statement(), statement({ start: 30, end: 36, quote: 'Peskov' })],
				'v1',
			);
			const old = await store.statements.find({ actors: ['Russia'], speaker: 'Peskov' });
			const oldIds = old.filter((s) => s.articleId === id).map((s) => s.id);
			const result = await store.articles.save(a, [statement({ stance: 'mixed', extractorVersion: 'v2' })], 'v2');
			expect(result).toEqual({ id, outcome: 'reextracted' });
			const now = (await store.statements.find({ actors: ['Russia'] })).filter((s) => s.articleId === id);
			expect(now).toHaveLength(1);
			expect(now[0]?.id).toBe(oldIds[0]);
			expect(now[0]?.stance).toBe('mixed');
			expect((await store.articles.getIdentity(a))?.extractorVersion).toBe('v2');
		});

		it('updates an article whose body changed at the same URL', async () => {
			const a = article();
			const { id } = await store.articles.save(a, [statement()], 'v1');
			const changed = { ...a, body: `${a.body} More.`, bodyHash: 'f'.repeat(63) + String(seq % 10) };
			expect(await store.articles.save(changed, [statement()], 'v1')).toEqual({ id, outcome: 'updated' });
		});

		it('identifies URL-less articles by body hash', async () => {
			const a = article({ url: null });
			const b = article({ url: null });
			const first = await store.articles.save(a, [], 'v1');
			expect((await store.articles.save(a, [], 'v1')).outcome).toBe('unchanged');
			expect((await store.articles.save(b, [], 'v1')).id).not.toBe(first.id);
			expect(await store.articles.getIdentity({ url: null, bodyHash: a.bodyHash })).toMatchObject({ id: first.id });
		});

		it('reports corpus statistics for /sources', async () => {
			const stats = await store.articles.stats();
			expect(stats.articles).toBeGreaterThan(0);
			expect(stats.outlets[0]).toMatchObject({ outlet: 'Example News' });
			expect(stats.newest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		});
	});

	describe.skipIf(backend.skip)('statements', () => {
		beforeEach(async () => {
			await store.articles.save(
				article({ published: '2024-06-01', title: 'Black Sea grain deal talks' }),
				[
					statement({
						actor: 'Russia',
						topic: 'black-sea-grain-deal',
						quote: 'return to the grain deal',
						context: 'Peskov said Moscow may return to the grain deal.',
					}),
				],
				'v1',
			);
			await store.articles.save(
				article({ published: null, title: 'Undated wire copy' }),
				[
					statement({
						actor: 'Russia',
						topic: 'black-sea-grain-deal',
						quote: 'undated remark',
						context: 'An undated remark on the grain corridor.',
					}),
				],
				'v1',
			);
			await store.articles.save(
				article({ published: '2025-03-01' }),
				[
					statement({
						speaker: 'Donald Trump',
						actor: 'United States',
						aboutActor: 'Russia',
						topic: 'black-sea-grain-deal',
						quote: 'Putin wants the grain deal',
						context: 'Trump said Putin wants the grain deal.',
					}),
				],
				'v1',
			);
		});

		it('finds an actor’s own statements newest first with undated ones last', async () => {
			const found = await store.statements.find({
				actors: ['RUSSIA'],
				topicIds: ['black-sea-grain-deal'],
				ownOnly: true,
			});
			expect(found.length).toBeGreaterThanOrEqual(2);
			expect(found.every((s) => s.actor === 'Russia' && s.aboutActor === null)).toBe(true);
			const dated = found.filter((s) => s.published !== null);
			expect(found.indexOf(dated.at(-1) as (typeof found)[0])).toBeLessThan(
				found.findIndex((s) => s.published === null),
			);
		});

		it('keeps claims about an actor apart from its own words', async () => {
			const claims = await store.statements.find({ aboutActors: ['russia'] });
			expect(claims.map((c) => c.speaker)).toContain('Donald Trump');
			const own = await store.statements.find({ actors: ['Russia'], ownOnly: true });
			expect(own.map((c) => c.speaker)).not.toContain('Donald Trump');
		});

		it('matches free text with hyphens as spaces and any-word ranking', async () => {
			const found = await store.statements.find({
				actors: ['Russia'],
				text: 'grain-corridor-negotiations',
				orderBy: 'relevance',
			});
			expect(found.map((s) => s.quote)).toContain('undated remark');
			expect(found[0]?.relevance).toBeGreaterThan(0);
			expect(await store.statements.find({ actors: ['Russia'], text: 'zzzz qqqq' })).toEqual([]);
		});

		it('filters by date and excludes undated statements when a bound is set', async () => {
			const found = await store.statements.find({ actors: ['Russia'], since: '2024-01-01', until: '2024-12-31' });
			expect(found.length).toBeGreaterThan(0);
			expect(found.every((s) => s.published?.startsWith('2024'))).toBe(true);
		});

		it('returns statements by id in the order asked', async () => {
			const found = await store.statements.find({ actors: ['Russia'], limit: 2 });
			const ids = found.map((s) => s.id).reverse();
			expect((await store.statements.getByIds([...ids, 999_999])).map((s) => s.id)).toEqual(ids);
		});

		it('counts actors and topics for autocomplete', async () => {
			expect((await store.statements.countActors('ru', 25))[0]).toMatchObject({ value: 'Russia' });
			expect((await store.statements.countTopics('grain', 25, 'russia'))[0]?.value).toBe('black-sea-grain-deal');
			expect(await store.statements.countActors('%', 25)).toEqual([]);
		});
	});

	describe.skipIf(backend.skip)('actors', () => {
		it('mirrors the registry and finds actors by alias prefix', async () => {
			await store.actors.sync([
				{
					id: 'russia',
					name: 'Russia',
					kind: 'state',
					parent: null,
					aliases: ['Kremlin', 'Moscow', 'Russian Federation'],
				},
				{ id: 'kremlin', name: 'Kremlin', kind: 'institution', parent: 'russia', aliases: [] },
			]);
			expect(await store.actors.findByAliasPrefix('krem', 5)).toEqual([
				{ id: 'kremlin', name: 'Kremlin' },
				{ id: 'russia', name: 'Russia' },
			]);
		});
	});
});

describe('dates and urls', () => {
	it('derives the sort day from an ISO date or timestamp, and nothing from junk', () => {
		expect(dayOf('2025-02-25T10:00:00Z')).toBe('2025-02-25');
		expect(dayOf('2025-02-30')).toBeNull();
		expect(dayOf('yesterday')).toBeNull();
		expect(dayOf(null)).toBeNull();
	});

	it('never logs database credentials', () => {
		expect(redactDatabaseUrl('postgres://bob:secret@db.example:5432/attache')).toBe(
			'postgres://db.example:5432/attache',
		);
	});
});
