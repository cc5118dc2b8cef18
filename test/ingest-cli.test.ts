import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIX = 'test/fixtures/ingest';
const SEED = '../shared/eval/seed/articles';
const tmp = mkdtempSync(join(tmpdir(), 'attache-ingest-cli-'));

function ingest(args: string[], databaseUrl: string) {
	const run = spawnSync('node_modules/.bin/tsx', ['src/cli/ingest.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
		timeout: 60_000,
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run ingest', () => {
	it('prints a one-line summary, names each failed file on stderr, exits 1, and releases the database for the next run', () => {
		const db = `file:${join(tmp, 'db1')}`;
		const empty = join(tmp, 'empty.md');
		writeFileSync(empty, '');
		const good = [`${FIX}/sample.md`, `${FIX}/plain.txt`, `${FIX}/article.html`];
		const first = ingest([...good, empty], db);
		expect(first.code).toBe(1);
		expect(first.stdout).toMatch(
			/^3 articles: 3 new, 0 unchanged, 0 re-extracted, 0 updated; \d+ statements?; 1 failed\n$/,
		);
		expect(first.stderr).toContain(`${empty}: empty file`);
		const second = ingest(good, db);
		expect(second.stderr).toBe('');
		expect(second.stdout).toBe('3 articles: 0 new, 3 unchanged, 0 re-extracted, 0 updated; 0 statements; 0 failed\n');
		expect(second.code).toBe(0);
	});

	it('expands a directory and prints machine-readable results with --json', () => {
		const out = ingest(['--json', FIX], `file:${join(tmp, 'db2')}`);
		const parsed = JSON.parse(out.stdout) as {
			results: { source: string; ok: boolean }[];
			summary: { failed: number };
		};
		expect(parsed.results.map((r) => r.source)).toContain(`${FIX}/untitled.md`);
		expect(parsed.results.every((r) => r.ok)).toBe(true);
		expect(out.code).toBe(0);
	});

	it('explains its usage when given nothing to ingest', () => {
		const out = ingest([], `file:${join(tmp, 'db3')}`);
		expect(out.code).toBe(2);
		expect(out.stderr).toContain('Usage: npm run ingest');
	});

	it.skipIf(!existsSync(SEED))('ingests the seed articles with statements', () => {
		const out = ingest([SEED], `file:${join(tmp, 'db4')}`);
		expect(out.code).toBe(0);
		expect(out.stdout).toMatch(/^1 article: 1 new, .*; [1-9]\d* statements?; 0 failed\n$/);
	});
});
