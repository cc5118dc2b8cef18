import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** Reads and validates a YAML data file; a malformed file throws an error naming the file and the entry at fault. */
export function readYamlFile<T extends z.ZodType>(file: URL, schema: T): z.infer<T> {
	let data: unknown;
	try {
		data = parse(readFileSync(file, 'utf8'));
	} catch (err) {
		throw new Error(`${file.pathname}: ${err instanceof Error ? err.message : String(err)}`);
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw new Error(`${file.pathname}: ${z.prettifyError(parsed.error)}`);
	return parsed.data;
}
