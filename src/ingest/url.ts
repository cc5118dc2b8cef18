import { UserError } from '../errors.js';

// Click-tracking parameters that make one article look like many; everything else may select content.
const TRACKING_PARAMS = new Set([
	'fbclid',
	'gclid',
	'dclid',
	'gbraid',
	'wbraid',
	'msclkid',
	'yclid',
	'igshid',
	'mc_cid',
	'mc_eid',
	'mkt_tok',
	'_hsenc',
	'_hsmi',
]);

/** True when the string looks like an http(s) URL rather than a file path. */
export function isHttpUrl(source: string): boolean {
	return /^https?:\/\//i.test(source.trim());
}

/**
 * Parses an http(s) URL and returns its canonical form: credentials, fragment and tracking
 * parameters (utm_*, fbclid, …) removed. Throws a UserError naming the input when it is not one.
 */
export function normalizeUrl(raw: string): string {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new UserError(`${redactCredentials(raw)}: not a valid URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UserError(`${redactCredentials(raw)}: only http and https URLs can be ingested`);
	}
	url.username = '';
	url.password = '';
	url.hash = '';
	const tracking = [...url.searchParams.keys()].filter((key) => {
		const k = key.toLowerCase();
		return k.startsWith('utm_') || TRACKING_PARAMS.has(k);
	});
	// Only rewrite the query when needed: URLSearchParams re-encodes it ('%20' becomes '+').
	for (const key of tracking) url.searchParams.delete(key);
	if (tracking.length > 0 && url.searchParams.size === 0) url.search = '';
	return url.href;
}

/** Like normalizeUrl but returns null instead of throwing, for metadata that may hold anything. */
export function tryNormalizeUrl(raw: string | null | undefined, base?: string): string | null {
	if (!raw?.trim()) return null;
	try {
		return normalizeUrl(base ? new URL(raw.trim(), base).href : raw);
	} catch {
		return null;
	}
}

/** Removes `user:pass@` from anything URL-like, so error messages and logs never echo credentials. */
export function redactCredentials(text: string): string {
	return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}

/** The host without a leading "www.", used as the outlet when a page names no site. */
export function hostOf(url: string): string | null {
	try {
		return new URL(url).hostname.replace(/^www\./, '') || null;
	} catch {
		return null;
	}
}
