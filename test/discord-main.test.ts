import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import { peacekeepers, seedStatements } from './discord-seed.js';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic.js';
import { FakeDiscord } from './fake-discord/fake-discord.js';

// `npm start` as a user runs it: a child process reading only its environment.
function start(env: Record<string, string>): { child: ChildProcess; stderr: () => string } {
	const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
		env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let err = '';
	child.stderr?.on('data', (d: Buffer) => {
		err += d.toString();
	});
	return { child, stderr: () => err };
}

describe('npm start', () => {
	it('exits 1 naming DISCORD_TOKEN and pointing to the demo when the token is missing', async () => {
		const { child, stderr } = start({ DISCORD_TOKEN: '', DATABASE_URL: 'memory:' });
		const [code] = await once(child, 'exit');
		expect(code).toBe(1);
		expect(stderr()).toContain('DISCORD_TOKEN');
		expect(stderr()).toContain('npm run demo');
	});

	describe('with a fake Discord and a slow model', () => {
		let fake: FakeDiscord;
		let anthropic: FakeAnthropic;
		let folder: string;
		beforeAll(async () => {
			folder = mkdtempSync(join(tmpdir(), 'attache-main-'));
			const store = await openStore(`file:${join(folder, 'db')}`, createSilentLogger());
			await seedStatements(store, peacekeepers);
			await store.close();
			fake = await new FakeDiscord().start();
			anthropic = await startFakeAnthropic();
		});
		afterAll(async () => {
			await fake?.stop();
			await anthropic?.close();
			rmSync(folder, { recursive: true, force: true });
		});

		it('finishes an in-flight answer on SIGTERM, then exits 0', async () => {
			anthropic.enqueue({ delayMs: 1_500 });
			const { child, stderr } = start({
				DISCORD_TOKEN: fake.token,
				DISCORD_API_URL: fake.apiBase,
				DATABASE_URL: `file:${join(folder, 'db')}`,
				ANTHROPIC_API_KEY: 'test-key',
				ANTHROPIC_BASE_URL: anthropic.url,
			});
			while (!stderr().includes('discord bot ready')) await new Promise((r) => setTimeout(r, 20));
			const rec = fake.command('stance', { actor: 'russia', topic: 'peacekeepers' });
			await rec.acked;
			child.kill('SIGTERM');
			await rec.edited;
			const [code] = await once(child, 'exit');
			expect(code).toBe(0);
			expect(JSON.stringify(rec.original?.embeds)).toContain('Dmitry Peskov');
			expect(stderr()).toContain('"msg":"stopped"');
		}, 20_000);
	});
});
