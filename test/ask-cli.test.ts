import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import { peacekeepersArticle, seed } from './answer-fixtures.js';

const SEED_ARTICLE = '../shared/eval/seed/articles/russia-reaffirms-stance.md';
const hasEval = existsSync(SEED_ARTICLE);

function run(script: 'ask' | 'ingest', args: string[], databaseUrl: string) {
	const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ANTHROPIC_API_KEY: '' };
	const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
		encoding: 'utf8',
		env,
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run ask', () => {
	let dir: string;
	let db: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'attache-ask-'));
		db = `file:${join(dir, 'db')}`;
		const store = await openStore(db, createSilentLogger());
		await seed(store, [peacekeepersArticle]);
		await store.close();
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('prints a briefing an analyst can forward', () => {
		const r = run('ask', ['/stance russia peacekeepers'], db);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Russia on European peacekeepers in Ukraine: OPPOSE');
		expect(r.stdout).toContain('Last on-record statement 25 Feb 2025');
		expect(r.stdout).toMatch(
			/\[1\] Moscow would regard .* \(reported speech\)\n {4}— Sergei Lavrov \(Russian Foreign Minister\) · oppose/,
		);
		expect(r.stdout).toContain('Example Wire · 25 Feb 2025 · https://news.example/russia-peacekeepers');
		expect(r.stdout).toContain("Claims about Russia by others (their words, not Russia's)");
	});

	it('takes --actor, --topic and dates, and prints the JSON contract', () => {
		const r = run('ask', ['--json', '--actor', 'the kremlin', '--topic', 'peacekeepers', '--since', '2025-01-01'], db);
		expect(r.code).toBe(0);
		const answer = JSON.parse(r.stdout);
		expect(answer.stance).toBe('oppose');
		expect(typeof answer.summary).toBe('string');
		expect(answer.citations.map((c: { speaker: string }) => c.speaker)).toEqual(['Sergei Lavrov', 'Dmitry Peskov']);
		expect(answer.citations.every((c: { about_actor: unknown }) => c.about_actor === null)).toBe(true);
		expect(answer.claims).toEqual([
			expect.objectContaining({ speaker: 'Donald Trump', about_actor: 'Russia', denied_by: [1, 2] }),
		]);
	});

	it('explains bad input on stderr with exit code 1, and releases the database', () => {
		const unknown = run('ask', ['/stance atlantis peacekeepers'], db);
		expect(unknown.code).toBe(1);
		expect(unknown.stdout).toBe('');
		expect(unknown.stderr).toContain('does not start with an actor I know');
		const date = run('ask', ['--actor', 'russia', '--topic', 'peacekeepers', '--until', 'yesterday'], db);
		expect(date.code).toBe(1);
		expect(date.stderr).toContain('"until" must be a date like 2025-03-12');
		const nothing = run('ask', ['russia'], db);
		expect(nothing.stderr).toContain('Understood the actor Russia, but no topic');
		// The PGlite folder lock was released by every failed run.
		expect(run('ask', ['russia peacekeepers'], db).code).toBe(0);
	}, 120_000);
});

describe.skipIf(!hasEval)('the CLI contract on ../shared/eval/seed', () => {
	let dir: string;
	let db: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'attache-ask-seed-'));
		db = `file:${join(dir, 'db')}`;
		expect(run('ingest', [SEED_ARTICLE], db).code).toBe(0);
	}, 180_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('answers /stance russia peacekeepers with verbatim quotes and claims kept apart', () => {
		const body = readFileSync(SEED_ARTICLE, 'utf8');
		const r = run('ask', ['--json', '/stance russia peacekeepers'], db);
		expect(r.code).toBe(0);
		const answer = JSON.parse(r.stdout);
		expect(answer.stance).toBe('oppose');
		expect(answer.citations.length).toBeGreaterThan(0);
		for (const c of answer.citations) {
			expect(body).toContain(c.quote);
			expect(c.actor).toBe('Russia');
			expect(c.about_actor).toBeNull();
		}
		for (const c of answer.claims) {
			expect(body).toContain(c.quote);
			expect(c.about_actor).toBe('Russia');
		}
	}, 60_000);
});
