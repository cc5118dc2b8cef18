import { expect } from 'vitest';
import type { Attribution } from '../../src/extract/attribution.js';
import { findAttributions } from '../../src/extract/extract.js';

/** The rule attributions of a text, each checked against the verbatim invariant first. */
export function find(body: string): Attribution[] {
	const found = findAttributions(body);
	for (const a of found) expect(body.slice(a.start, a.end)).toBe(a.quote);
	return found;
}

/** The single attribution of a text (fails the test when there are more or none). */
export function one(body: string): Attribution {
	const found = find(body);
	expect(found).toHaveLength(1);
	return found[0] as Attribution;
}
