import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';

const HolderSchema = z.object({ pid: z.number().int(), host: z.string(), command: z.string(), since: z.string() });
type Holder = z.infer<typeof HolderSchema>;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolder(path: string): Holder | null {
	try {
		return HolderSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
	} catch {
		return null;
	}
}

/**
 * Takes the exclusive lock on a PGlite data folder, or throws a UserError naming the holder.
 * PGlite lets a second process open the same folder and silently lose writes, so we refuse instead.
 * A lock whose holder died on this host is taken over; a pid check, unlike mtime heartbeats, cannot
 * expire while a busy process is still alive.
 */
export function lockFolder(dir: string): () => void {
	mkdirSync(dir, { recursive: true });
	const path = join(dir, 'attache.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			const me: Holder = {
				pid: process.pid,
				host: hostname(),
				command: process.argv.slice(1).join(' ').slice(0, 200),
				since: new Date().toISOString(),
			};
			writeSync(fd, JSON.stringify(me));
			closeSync(fd);
			return () => {
				if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
			};
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			let holder = readHolder(path);
			if (holder === null) {
				// Another process may be between creating the file and writing its holder line.
				Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
				holder = readHolder(path);
			}
			const stale = holder === null || (holder.host === hostname() && !isAlive(holder.pid));
			if (stale || holder === null) {
				rmSync(path, { force: true });
				continue;
			}
			throw new UserError(
				`The database folder ${dir} is in use by process ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.since}). ` +
					'PGlite allows one process per folder: stop that process, or point DATABASE_URL at another folder or a PostgreSQL server.',
			);
		}
	}
	throw new UserError(`Could not take the lock on ${dir}: ${path} keeps reappearing.`);
}
