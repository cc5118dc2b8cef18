import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes a data file with the given name and text into a fresh temp folder and returns its URL. */
export function tempDataFile(name: string, text: string): URL {
	const path = join(mkdtempSync(join(tmpdir(), 'data-')), name);
	writeFileSync(path, text);
	return pathToFileURL(path);
}
