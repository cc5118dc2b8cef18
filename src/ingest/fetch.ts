import { isIP } from 'node:net';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import { isFeedXml } from '../feeds/detect.js';
import { addressRefusal, HostRefusedError, pinnedAgent, type ResolveHost } from './pinned-lookup.js';
import { normalizeUrl } from './url.js';

/** A fetched document: the final URL after redirects, and its text classified by type. */
export type Fetched = { url: string; kind: 'html' | 'text' | 'feed'; contentType: string; text: string };

/** Limits for one fetch: config.ingest, plus exceptions for tests or a trusted intranet host. */
export type FetchLimits = Pick<Config['ingest'], 'allowPrivateUrls' | 'maxBytes' | 'timeoutMs'> & {
	maxRedirects?: number;
	/** Exact IP addresses exempt from the private-address refusal (e.g. one intranet server). */
	allowAddresses?: string[];
	/** Stands in for DNS (tests); the system resolver by default. */
	resolveHost?: ResolveHost;
};

const ACCEPT =
	'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8';
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const XML_TYPES = new Set([
	'application/rss+xml',
	'application/atom+xml',
	'application/rdf+xml',
	'application/xml',
	'text/xml',
]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** "5 MB", "200 KB", "900 bytes": the size cap as a person reads it. */
export function formatBytes(n: number): string {
	if (n >= 1e6) return `${Number((n / 1e6).toFixed(1))} MB`;
	if (n >= 1e3) return `${Number((n / 1e3).toFixed(1))} KB`;
	return `${n} bytes`;
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

// An IP literal never reaches a lookup, so it is judged here; host names are judged as they connect (pinned-lookup.ts).
function assertPublicLiteral(url: URL, limits: FetchLimits, shown: string): void {
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const refusal = isIP(host) ? addressRefusal(host, limits) : null;
	if (refusal) throw new UserError(`${shown}: ${refusal}`);
}

function classify(contentType: string, shown: string): 'html' | 'text' | 'xml' | null {
	const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
	if (mime === '') return null;
	if (HTML_TYPES.has(mime)) return 'html';
	if (mime === 'text/plain') return 'text';
	if (XML_TYPES.has(mime)) return 'xml';
	throw new UserError(`${shown}: unsupported content type ${mime} (expected HTML, plain text, RSS or Atom)`);
}

// The charset from the header, else one declared in the first bytes (<meta charset>, <?xml encoding?>), else UTF-8.
function decode(bytes: Uint8Array, contentType: string): string {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
	const label =
		contentType.match(/charset="?([\w-]+)/i)?.[1] ??
		head.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1] ??
		head.match(/<\?xml[^>]+encoding=["']([\w-]+)/i)?.[1] ??
		'utf-8';
	try {
		return new TextDecoder(label).decode(bytes);
	} catch {
		return new TextDecoder('utf-8').decode(bytes);
	}
}

async function readCapped(res: Response, maxBytes: number, shown: string): Promise<Uint8Array> {
	const tooLarge = () => new UserError(`${shown}: larger than ${formatBytes(maxBytes)}`);
	if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
		await res.body?.cancel();
		throw tooLarge();
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	if (res.body) {
		const reader = res.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			// Streamed: stop reading the moment the cap is passed, whatever Content-Length claimed.
			if (total > maxBytes) {
				await reader.cancel();
				throw tooLarge();
			}
			chunks.push(value);
		}
	}
	return Buffer.concat(chunks);
}

// A pooled keep-alive socket can be closed by the server just as it is reused: one retry is safe for a GET.
const RETRYABLE = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

async function fetchOnce(url: string, limits: FetchLimits, shown: string, signal: AbortSignal): Promise<Response> {
	assertPublicLiteral(new URL(url), limits, shown);
	// The connection goes to the very addresses the lookup checked: DNS cannot answer differently in between.
	const dispatcher = pinnedAgent(limits, limits.resolveHost);
	for (let attempt = 0; ; attempt++) {
		try {
			return await fetch(url, {
				redirect: 'manual',
				signal,
				headers: { accept: ACCEPT, 'user-agent': 'Attache/0.1 (news briefing bot)' },
				dispatcher,
			});
		} catch (err) {
			if (signal.aborted) throw err;
			const cause = (err as { cause?: { code?: string; message?: string } }).cause;
			if (cause instanceof HostRefusedError) throw new UserError(`${shown}: ${cause.message}`);
			if (attempt === 0 && cause?.code && RETRYABLE.has(cause.code)) continue;
			throw new UserError(`${shown}: could not connect (${cause?.code ?? cause?.message ?? 'network error'})`);
		}
	}
}

/**
 * Fetches an http(s) URL on a user's behalf, safely: refuses private, loopback, link-local, CGNAT and
 * unique-local addresses (before every redirect hop, unless `allowPrivateUrls`), follows at most
 * `maxRedirects` redirects, caps bytes (streamed) and time, accepts only HTML, plain text, RSS and Atom.
 * Every refusal is a UserError that starts with the URL (credentials never shown or sent).
 */
export async function fetchGuarded(rawUrl: string, limits: FetchLimits): Promise<Fetched> {
	const shown = normalizeUrl(rawUrl);
	const deadline = AbortSignal.timeout(limits.timeoutMs);
	const timedOut = () => new UserError(`${shown}: timed out after ${formatSeconds(limits.timeoutMs)}`);
	// DNS lookups ignore the signal, so the deadline also races the whole operation.
	const expired = new Promise<never>((_, reject) => {
		deadline.addEventListener('abort', () => reject(timedOut()), { once: true });
	});
	expired.catch(() => {});
	try {
		return await Promise.race([follow(shown, limits, deadline), expired]);
	} catch (err) {
		if (deadline.aborted && !(err instanceof UserError)) throw timedOut();
		throw err;
	}
}

async function follow(start: string, limits: FetchLimits, signal: AbortSignal): Promise<Fetched> {
	const maxRedirects = limits.maxRedirects ?? 5;
	let url = start;
	for (let hop = 0; ; hop++) {
		const shown = hop === 0 ? start : `${start} (redirected to ${url})`;
		const res = await fetchOnce(url, limits, shown, signal);
		const location = res.headers.get('location');
		if (REDIRECTS.has(res.status) && location) {
			await res.body?.cancel();
			if (hop >= maxRedirects) throw new UserError(`${start}: too many redirects (more than ${maxRedirects})`);
			const next = new URL(location, url);
			if (next.protocol !== 'http:' && next.protocol !== 'https:') {
				throw new UserError(`${shown}: refused: redirect to a non-http URL (${next.protocol})`);
			}
			url = normalizeUrl(next.href);
			continue;
		}
		if (!res.ok) {
			await res.body?.cancel();
			throw new UserError(`${shown}: HTTP ${res.status}`);
		}
		const contentType = res.headers.get('content-type') ?? '';
		const declared = classify(contentType, shown);
		const text = decode(await readCapped(res, limits.maxBytes, shown), contentType);
		if (text.includes('\u0000')) throw new UserError(`${shown}: binary content, not text`);
		if (isFeedXml(text)) return { url, kind: 'feed', contentType, text };
		if (declared === 'xml') throw new UserError(`${shown}: XML that is not an RSS or Atom feed`);
		const kind = declared ?? (/^\s*</.test(text) ? 'html' : 'text');
		return { url, kind, contentType, text };
	}
}
