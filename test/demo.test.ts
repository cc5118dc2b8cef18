import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sample = readFileSync('samples/russia-reaffirms-stance.md', 'utf8');

describe('npm run demo', () => {
	it('prints a Russia briefing that opposes peacekeepers, quoting the sample verbatim, without tokens or ./data', async () => {
		const hadData = existsSync('data');
		const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts'], {
			env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' },
			timeout: 120_000,
		});
		expect(stdout).toMatch(/Russia on .*peacekeepers.*: OPPOSE/i);
		expect(stdout).toContain('Sergei Lavrov');
		const quoted = [...stdout.matchAll(/^\[\d+\] “?(.+?)”?(?: \(reported speech\))?$/gm)].map((m) => m[1] ?? '');
		expect(quoted.length).toBeGreaterThan(0);
		for (const quote of quoted) expect(sample).toContain(quote);
		expect(existsSync('data')).toBe(hadData);
	});
});
