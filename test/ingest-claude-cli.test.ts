import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import { useFakeAnthropic } from './fake-anthropic/setup.js';
import { TALKS_BODY, TALKS_FINDING } from './fixtures/claude-finding.js';

const ctx = useFakeAnthropic();
const tmp = mkdtempSync(join(tmpdir(), 'attache-ingest-claude-cli-'));
const run = promisify(execFile);

// Asynchronous on purpose: the fake Messages API answers from this process's event loop.
async function ingest(args: string[], env: Record<string, string>) {
	try {
		const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/ingest.ts', ...args], {
			env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ANTHROPIC_API_KEY: '', ...env },
			timeout: 60_000,
		});
		return { code: 0, stdout, stderr };
	} catch (err) {
		const e = err as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

const article = join(tmp, 'article.md');
writeFileSync(article, `---\ntitle: Talks stall\nurl: https://news.example/talks-stall\n---\n${TALKS_BODY}`);
const modelSays = TALKS_FINDING;

describe('npm run ingest with the Claude path', () => {
	it('refuses EXTRACTOR=claude without a key before touching the database', async () => {
		const folder = join(tmp, 'never');
		const out = await ingest([article], { EXTRACTOR: 'claude', DATABASE_URL: `file:${folder}` });
		expect(out.code).toBe(2);
		expect(out.stderr).toContain('EXTRACTOR=claude needs ANTHROPIC_API_KEY; set the key or use EXTRACTOR=auto.');
		expect(out.stdout).toBe('');
		expect(existsSync(folder)).toBe(false);
	});

	it('adds Claude statements to the rules, mirrors the actor registry, and asks once per article', {
		timeout: 120_000,
	}, async () => {
		const db = `file:${join(tmp, 'db')}`;
		const env = {
			DATABASE_URL: db,
			EXTRACTOR: 'auto',
			ANTHROPIC_API_KEY: 'test-key',
			ANTHROPIC_BASE_URL: ctx.fake.url,
		};
		ctx.fake.enqueue({ text: modelSays });
		const first = await ingest(['--json', article], env);
		expect(first.code).toBe(0);
		const [result] = JSON.parse(first.stdout).results;
		expect(result).toMatchObject({ ok: true, outcome: 'inserted' });
		expect(result.stored).toBe(result.statements);
		expect(ctx.fake.requests).toHaveLength(1);

		const second = await ingest(['--json', article], env);
		expect(JSON.parse(second.stdout).results[0]).toMatchObject({ outcome: 'unchanged', stored: result.statements });
		expect(ctx.fake.requests).toHaveLength(1);

		const store = await openStore(db, createSilentLogger());
		try {
			const quotes = (await store.statements.find({ limit: 50 })).map((s) => [s.extractor, s.quote]);
			expect(quotes).toContainEqual(['claude', 'the delay is privately seen as a relief']);
			expect(await store.actors.findByAliasPrefix('krem', 5)).toContainEqual({ id: 'russia', name: 'Russia' });
		} finally {
			await store.close();
		}
	});
});
