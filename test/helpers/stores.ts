import pg from 'pg';
import { createSilentLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

/** The PostgreSQL server the suite uses; each store gets a fresh database that is dropped on close. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probe(url: string): Promise<string | null> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		await client.query('select 1');
		return null;
	} catch (err) {
		return `no PostgreSQL answers at ${url.replace(/\/\/[^@/]*@/, '//')} (${(err as Error).message})`;
	} finally {
		await client.end().catch(() => {});
	}
}

const postgresProblem = await probe(testDatabaseUrl);
if (postgresProblem && process.env.REQUIRE_POSTGRES) throw new Error(`REQUIRE_POSTGRES is set but ${postgresProblem}`);
if (postgresProblem) process.stderr.write(`\n⚠ PostgreSQL tests skipped: ${postgresProblem}\n\n`);

let counter = 0;

async function openPostgres(): Promise<Store> {
	const name = `attache_test_${process.pid}_${Date.now()}_${counter++}`;
	const admin = new pg.Client({ connectionString: testDatabaseUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(testDatabaseUrl);
	url.pathname = `/${name}`;
	const store = await openStore(url.toString(), createSilentLogger());
	return {
		...store,
		async close() {
			await store.close();
			const dropper = new pg.Client({ connectionString: testDatabaseUrl });
			await dropper.connect();
			await dropper.query(`drop database if exists ${name} with (force)`);
			await dropper.end();
		},
	};
}

/** A backend tests can run on; `skip` is a reason when it is unavailable here. */
export type TestBackend = { name: 'pglite' | 'postgres'; skip: string | null; open(): Promise<Store> };

/** Both backends, for `describe.each(backends)`: the same suite runs on embedded PGlite and on PostgreSQL. */
export const backends: TestBackend[] = [
	{ name: 'pglite', skip: null, open: () => openStore('memory:', createSilentLogger()) },
	{ name: 'postgres', skip: postgresProblem, open: openPostgres },
];

/** A fresh in-memory PGlite store, for tests that need a real store but not both backends. */
export const openTestStore = () => openStore('memory:', createSilentLogger());
