import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useFakeAnthropic } from './fake-anthropic/setup.js';
import { TALKS_BODY, TALKS_FINDING } from './fixtures/claude-finding.js';

const ctx = useFakeAnthropic();
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'attache-extract-claude-'));
const article = join(tmp, 'article.md');
writeFileSync(article, `---\ntitle: Talks stall\n---\n${TALKS_BODY}`);

// Asynchronous on purpose: the fake Messages API answers from this process's event loop.
async function extract(env: Record<string, string>) {
	try {
		const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/extract.ts', article], {
			env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ANTHROPIC_API_KEY: '', ...env },
			timeout: 60_000,
		});
		return { code: 0, stdout, stderr };
	} catch (err) {
		const e = err as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

const lines = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));

describe('npm run extract with the Claude path', () => {
	it('merges the model’s findings with the rules, cutting every quote verbatim from the body', async () => {
		ctx.fake.enqueue({ text: TALKS_FINDING });

		const out = await extract({ EXTRACTOR: 'auto', ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: ctx.fake.url });
		expect(out.code).toBe(0);
		const quotes = lines(out.stdout).map((l) => l.quote);
		expect(quotes).toContain('We need more time');
		expect(quotes).toContain('the delay is privately seen as a relief');
		expect(ctx.fake.requests).toHaveLength(1);
	});

	it('keeps the rule output when the model is down', async () => {
		ctx.fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
		const out = await extract({
			EXTRACTOR: 'auto',
			ANTHROPIC_API_KEY: 'test-key',
			ANTHROPIC_BASE_URL: ctx.fake.url,
			LLM_MAX_RETRIES: '0',
		});
		expect(out.code).toBe(0);
		expect(lines(out.stdout).map((l) => l.quote)).toEqual(['We need more time']);
		expect(ctx.fake.requests.length).toBeGreaterThanOrEqual(1);
	});

	it('refuses EXTRACTOR=claude without a key', async () => {
		const out = await extract({ EXTRACTOR: 'claude' });
		expect(out.code).toBe(2);
		expect(out.stderr).toContain('EXTRACTOR=claude needs ANTHROPIC_API_KEY');
	});
});
