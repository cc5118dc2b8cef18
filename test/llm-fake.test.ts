import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic.js';

// The fake must reject what the real API rejects, or tests could pass with requests that fail in production.
let fake: FakeAnthropic;
beforeAll(async () => {
	fake = await startFakeAnthropic();
});
afterAll(() => fake.close());

const result = (text: string, citations = true) => ({
	type: 'search_result',
	source: 'https://news.example/a',
	title: 'Speaker — Outlet, 2025-01-01',
	content: [{ type: 'text', text }],
	...(citations ? { citations: { enabled: true } } : {}),
});
const valid = {
	model: 'claude-haiku-5-5',
	max_tokens: 256,
	thinking: { type: 'disabled' },
	messages: [{ role: 'user', content: [result('We will not accept it.'), { type: 'text', text: '{"actor":"X"}' }] }],
};

type FakeReply = {
	error: { type: string };
	content: { text: string; citations: Record<string, unknown>[] }[];
};

async function post(body: unknown, headers: Record<string, string> = { authorization: 'Bearer k' }) {
	const res = await fetch(`${fake.url}/v1/messages`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return {
		status: res.status,
		requestId: res.headers.get('request-id'),
		json: (await res.json()) as FakeReply,
	};
}

describe('fake Messages API', () => {
	it('answers a valid request with a cited message and a request id', async () => {
		const { status, json, requestId } = await post(valid);
		expect(status).toBe(200);
		expect(requestId).toMatch(/^req_fake_/);
		expect(json.content[1]?.citations[0]).toMatchObject({
			search_result_index: 0,
			cited_text: 'We will not accept it.',
		});
	});

	it('requires authentication', async () => {
		expect((await post(valid, {})).status).toBe(401);
	});

	it.each([
		[
			'citations on some search results only',
			{ ...valid, messages: [{ role: 'user', content: [result('a'), result('b', false)] }] },
		],
		[
			'citations with structured output',
			{ ...valid, output_config: { format: { type: 'json_schema', schema: { type: 'object' } } } },
		],
		['temperature on a 5.5 model', { ...valid, temperature: 0 }],
		['top_p on a 5.5 model', { ...valid, top_p: 0.9 }],
		['assistant prefill', { ...valid, messages: [...valid.messages, { role: 'assistant', content: 'Russia' }] }],
		['disabled thinking on sonnet-5-5', { ...valid, model: 'claude-sonnet-5-5' }],
		[
			'forced tool choice on sonnet-5-5',
			{ ...valid, model: 'claude-sonnet-5-5', thinking: undefined, tool_choice: { type: 'any' } },
		],
		['disabled thinking at xhigh effort', { ...valid, output_config: { effort: 'xhigh' } }],
		['an empty search result', { ...valid, messages: [{ role: 'user', content: [{ ...result('x'), content: [] }] }] }],
		['an empty text in a search result', { ...valid, messages: [{ role: 'user', content: [result('')] }] }],
		['a missing max_tokens', { ...valid, max_tokens: undefined }],
		['a missing model', { ...valid, model: undefined }],
		['missing messages', { ...valid, messages: [] }],
	])('rejects %s with 400 invalid_request_error', async (_, body) => {
		const { status, json } = await post(body);
		expect(status).toBe(400);
		expect(json.error.type).toBe('invalid_request_error');
	});

	it('answers structured-output requests with JSON that fits the schema', async () => {
		const schema = { type: 'object', properties: { statements: { type: 'array' } }, required: ['statements'] };
		const { json } = await post({
			...valid,
			messages: [{ role: 'user', content: 'article' }],
			output_config: { format: { type: 'json_schema', schema } },
		});
		expect(JSON.parse(json.content[0]?.text ?? '')).toEqual({ statements: [] });
	});
});
