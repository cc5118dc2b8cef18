import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContentBlock, Message, MessageCreateParams, StopReason } from '@anthropic-ai/sdk/resources/messages';
import { answerFor, type Behaviour, fakeTokens, minimalInstance, toMessage } from './fake-anthropic/model.js';
import { invalidRequest } from './fake-anthropic/rules.js';
import { frame, streamEvents } from './fake-anthropic/sse.js';

export type { Behaviour } from './fake-anthropic/model.js';

/** What one request gets. Every field is optional; an empty script is the honest, citing answer. */
export type FakeScript = {
	/** Reply with this HTTP error status and an Anthropic error body. */
	status?: number;
	errorType?: string;
	/** `error.details.error_code`, e.g. "enforced_spend_limit_reached". */
	errorCode?: string;
	headers?: Record<string, string>;
	/** Wait this long before answering (longer than the client timeout = a timeout). */
	delayMs?: number;
	behaviour?: Behaviour;
	/** Answer with one text block holding this text (e.g. structured-output JSON). */
	text?: string;
	/** Answer with exactly these blocks. */
	content?: ContentBlock[];
	stopReason?: StopReason;
	/** After the first content block, send `event: error` of this type and end the stream. */
	midStreamError?: string;
	/** Send the response headers, then nothing more until the client gives up. */
	stall?: boolean;
};

/** One request as the fake received it. */
export type RecordedRequest = {
	path: string;
	headers: IncomingHttpHeaders;
	body: MessageCreateParams;
	retryCount: number;
	requestId: string;
};

/** A running fake Messages API on 127.0.0.1. */
export type FakeAnthropic = {
	url: string;
	requests: RecordedRequest[];
	/** Scripts consumed one per request, in order; when empty, `fallback` answers. */
	enqueue(...scripts: FakeScript[]): void;
	fallback: FakeScript;
	close(): Promise<void>;
};

const STATUS_TYPES: Record<number, string> = {
	400: 'invalid_request_error',
	401: 'authentication_error',
	403: 'permission_error',
	404: 'not_found_error',
	429: 'rate_limit_error',
	500: 'api_error',
	529: 'overloaded_error',
};

function sendError(res: ServerResponse, requestId: string, status: number, script: FakeScript, message?: string): void {
	const type = script.errorType ?? STATUS_TYPES[status] ?? 'api_error';
	const details = script.errorCode ? { error_code: script.errorCode } : undefined;
	res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...script.headers });
	res.end(JSON.stringify({ type: 'error', error: { type, message: message ?? type, details }, request_id: requestId }));
}

const sleep = (ms: number, res: ServerResponse) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, ms);
		res.once('close', () => {
			clearTimeout(timer);
			resolve();
		});
	});

function promptUnits(body: MessageCreateParams): string[] {
	const units = [JSON.stringify(body.system ?? '')];
	for (const m of body.messages) {
		const blocks = typeof m.content === 'string' ? [m.content] : m.content;
		for (const b of blocks) units.push(`${m.role}:${JSON.stringify(b)}`);
	}
	return units;
}

/** Prompt caching as the API does it with a top-level cache_control: the longest cached prefix is read, the rest written (≥ 512 tokens). */
function usageFor(body: MessageCreateParams, cache: string[][]) {
	const units = promptUnits(body);
	const total = fakeTokens(units.join(''));
	if (!body.cache_control) return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
	let hit: string[] = [];
	for (const entry of cache) {
		if (entry.length > hit.length && entry.length <= units.length && entry.every((u, i) => u === units[i])) hit = entry;
	}
	const read = hit.length > 0 ? fakeTokens(hit.join('')) : 0;
	if (total < 512) return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
	cache.push(units);
	return { input_tokens: 0, cache_creation_input_tokens: total - read, cache_read_input_tokens: read };
}

function answer(id: number, body: MessageCreateParams, script: FakeScript, cache: string[][]): Message {
	const format = body.output_config?.format;
	const json = format ? JSON.stringify(minimalInstance(format.schema)) : undefined;
	const fixed = script.text ?? (script.behaviour ? undefined : json);
	const scripted =
		script.content ?? (fixed !== undefined ? [{ type: 'text' as const, text: fixed, citations: null }] : null);
	const { content, stop } = scripted
		? { content: scripted, stop: 'end_turn' as StopReason }
		: answerFor(body, script.behaviour ?? 'cite');
	return toMessage(id, body, content, script.stopReason ?? stop, usageFor(body, cache));
}

async function respond(
	res: ServerResponse,
	message: Message,
	body: MessageCreateParams,
	script: FakeScript,
	requestId: string,
) {
	const headers = { 'request-id': requestId, ...script.headers };
	if (!body.stream) {
		res.writeHead(200, { 'content-type': 'application/json', ...headers });
		if (script.stall) return res.flushHeaders();
		const json = JSON.stringify(message);
		if (script.midStreamError) return res.end(json.slice(0, json.length >> 1), () => res.destroy());
		return res.end(json);
	}
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
	const events = streamEvents(message);
	if (script.stall) return res.write(frame('message_start', events[0]));
	let blocksDone = 0;
	for (const event of events) {
		if (res.destroyed) return;
		res.write(frame(event.type, event));
		if (event.type === 'message_start') res.write(frame('ping', { type: 'ping' }));
		if (event.type === 'content_block_stop' && ++blocksDone === 1 && script.midStreamError) {
			const error = { type: script.midStreamError, message: 'Overloaded' };
			return res.end(frame('error', { type: 'error', error, request_id: requestId }));
		}
		await new Promise((r) => setImmediate(r));
	}
	res.end();
}

/** Starts the fake Messages API on 127.0.0.1 with an OS-assigned port. */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
	const queue: FakeScript[] = [];
	const cache: string[][] = [];
	const requests: RecordedRequest[] = [];
	const fake = { fallback: {} as FakeScript };
	const server = createServer(async (req, res) => {
		const requestId = `req_fake_${requests.length + 1}`;
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') {
			return sendError(res, requestId, 404, {}, `Not found: ${req.method} ${req.url}`);
		}
		let body: MessageCreateParams;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			return sendError(res, requestId, 400, {}, 'Request body is not valid JSON');
		}
		const retryCount = Number(req.headers['x-stainless-retry-count'] ?? 0);
		requests.push({ path: req.url, headers: req.headers, body, retryCount, requestId });
		if (!req.headers.authorization && !req.headers['x-api-key']) {
			return sendError(res, requestId, 401, {}, 'Missing authentication');
		}
		const script = queue.shift() ?? fake.fallback;
		if (script.delayMs) await sleep(script.delayMs, res);
		if (res.destroyed) return;
		const invalid = invalidRequest(body);
		if (invalid) return sendError(res, requestId, 400, {}, invalid);
		if (script.status) return sendError(res, requestId, script.status, script);
		await respond(res, answer(requests.length, body, script, cache), body, script, requestId);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(fake, {
		url: `http://127.0.0.1:${port}`,
		requests,
		enqueue: (...scripts: FakeScript[]) => void queue.push(...scripts),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}
