import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { createSilentLogger } from '../src/log.js';
import { openStore } from '../src/store/open.js';

const children: ChildProcess[] = [];
afterEach(() => {
	for (const c of children.splice(0)) c.kill('SIGKILL');
});

function holdInAnotherProcess(folder: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-store.ts', folder], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	children.push(child);
	return new Promise((resolve, reject) => {
		child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
		child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
	});
}

describe('PGlite folder lock', () => {
	it('refuses a second process on the same folder, naming the holder, and takes over once it died', async () => {
		const folder = join(mkdtempSync(join(tmpdir(), 'attache-lock-')), 'db');
		const holder = await holdInAnotherProcess(folder);
		const refused = openStore(`file:${folder}`, createSilentLogger());
		await expect(refused).rejects.toBeInstanceOf(UserError);
		await expect(refused).rejects.toThrow(new RegExp(`in use by process ${holder.pid}`));

		holder.kill('SIGKILL');
		await new Promise((r) => holder.once('exit', r));
		const store = await openStore(`file:${folder}`, createSilentLogger());
		await store.close();
	});

	it('keeps data across reopen in the same process after close', async () => {
		const folder = join(mkdtempSync(join(tmpdir(), 'attache-lock-')), 'db');
		const first = await openStore(`file:${folder}`, createSilentLogger());
		await expect(openStore(`file:${folder}`, createSilentLogger())).rejects.toThrow(/in use by process/);
		await first.articles.save(
			{
				url: null,
				outlet: null,
				title: null,
				published: null,
				body: 'x',
				bodyHash: '0'.repeat(64),
				source: null,
				addedBy: null,
			},
			[],
			'v1',
		);
		await first.close();
		const second = await openStore(`file:${folder}`, createSilentLogger());
		expect((await second.articles.stats()).articles).toBe(1);
		await second.close();
	});

	it('ignores a lock left by a process that no longer exists', async () => {
		const folder = join(mkdtempSync(join(tmpdir(), 'attache-lock-')), 'db');
		const dead = spawn(process.execPath, ['-e', '0']);
		await new Promise((r) => dead.once('exit', r));
		mkdirSync(folder, { recursive: true });
		writeFileSync(
			join(folder, 'attache.lock'),
			JSON.stringify({ pid: dead.pid, host: hostname(), command: 'x', since: 'y' }),
		);
		const store = await openStore(`file:${folder}`, createSilentLogger());
		await store.close();
	});
});
