import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLlm, type LlmOptions } from '../src/llm/create.js';
import { type Llm, LlmUnavailableError } from '../src/llm/llm.js';
import { createSilentLogger } from '../src/log.js';
import { llmConfig, makeStatements, memoryLogger, useFakeAnthropic } from './fake-anthropic/setup.js';

const ctx = useFakeAnthropic();

const fast = { 'retry-after-ms': '1' };
const ask = (llm: Llm) =>
	llm.summarizeStance({ actor: 'Russia', topic: 'peacekeepers', statements: makeStatements(4) });

async function failure(promise: Promise<unknown>): Promise<LlmUnavailableError> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(err).toBeInstanceOf(LlmUnavailableError);
	return err as LlmUnavailableError;
}

describe.each([
	['streaming', { stream: true }],
	['JSON', { stream: false }],
] as [string, LlmOptions][])('API failures over %s', (_, options) => {
	let llm: Llm;
	beforeAll(() => {
		llm = createLlm(llmConfig(ctx.fake.url), createSilentLogger(), options) as Llm;
	});

	it('retries a 429 that says when, then answers', async () => {
		ctx.fake.enqueue({ status: 429, headers: fast });
		const answer = await ask(llm);
		expect(answer.segments.length).toBeGreaterThan(0);
		expect(ctx.fake.requests.map((r) => r.retryCount)).toEqual([0, 1]);
	});

	it('retries a 500, then answers', async () => {
		ctx.fake.enqueue({ status: 500, headers: fast });
		await ask(llm);
		expect(ctx.fake.requests).toHaveLength(2);
	});

	it('gives up on 529 after the SDK retries: the caller answers extractively', async () => {
		ctx.fake.enqueue(...[1, 2, 3].map(() => ({ status: 529, headers: fast })));
		const err = await failure(ask(llm));
		expect(err.reason).toBe('the language model is overloaded');
		expect(ctx.fake.requests).toHaveLength(3);
	});

	it('names a rate limit that outlasts the retries', async () => {
		ctx.fake.enqueue(...[1, 2, 3].map(() => ({ status: 429, headers: fast })));
		expect((await failure(ask(llm))).reason).toBe('the language model is rate-limited');
	});

	it('says when the spend limit is reached', async () => {
		ctx.fake.enqueue(
			...[1, 2, 3].map(() => ({ status: 429, errorCode: 'enforced_spend_limit_reached', headers: fast })),
		);
		expect((await failure(ask(llm))).reason).toBe('the API spend limit has been reached');
	});

	it('does not retry a 529 the API marks as not retryable', async () => {
		ctx.fake.enqueue({ status: 529, headers: { 'x-should-retry': 'false' } });
		await failure(ask(llm));
		expect(ctx.fake.requests).toHaveLength(1);
	});

	it('does not retry a rejected request, and logs it as our bug with its request id', async () => {
		const { log, records } = memoryLogger();
		const logged = createLlm(llmConfig(ctx.fake.url), log, options) as Llm;
		ctx.fake.enqueue({ status: 400 });
		expect((await failure(ask(logged))).reason).toBe('the language model rejected the request');
		expect(ctx.fake.requests).toHaveLength(1);
		expect(records.find((r) => r.msg === 'llm request failed')).toMatchObject({ level: 50, requestId: 'req_fake_1' });
	});

	it('reports a rejected API key', async () => {
		ctx.fake.enqueue({ status: 401 });
		expect((await failure(ask(llm))).reason).toBe('the API key was rejected');
	});

	it('fails on a mid-stream error without returning partial text', async () => {
		ctx.fake.enqueue({ midStreamError: 'overloaded_error' });
		const err = await failure(ask(llm));
		expect(err.reason).toMatch(
			/^the (language model stream failed|connection to the language model broke|language model returned an unreadable response)$/,
		);
	});

	it('times out when the API is slower than the timeout on every attempt', async () => {
		const slow = createLlm(
			llmConfig(ctx.fake.url, { LLM_TIMEOUT_MS: '150', LLM_MAX_RETRIES: '1' }),
			createSilentLogger(),
			options,
		) as Llm;
		ctx.fake.enqueue({ delayMs: 1_000 }, { delayMs: 1_000 });
		expect((await failure(ask(slow))).reason).toBe('the language model timed out');
		expect(ctx.fake.requests).toHaveLength(2);
	});

	it('times out when the response starts and then stalls', async () => {
		const slow = createLlm(
			llmConfig(ctx.fake.url, { LLM_TIMEOUT_MS: '150', LLM_MAX_RETRIES: '0' }),
			createSilentLogger(),
			options,
		) as Llm;
		ctx.fake.enqueue({ stall: true });
		expect((await failure(ask(slow))).reason).toBe('the language model timed out');
	});

	it('says the request was cancelled when the caller aborts', async () => {
		ctx.fake.enqueue({ delayMs: 1_000 });
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 50);
		const call = llm.summarizeStance({
			actor: 'Russia',
			topic: 'x',
			statements: makeStatements(2),
			signal: controller.signal,
		});
		expect((await failure(call)).reason).toBe('the request was cancelled');
	});

	it('treats a refusal as unavailable and keeps the tokens it cost', async () => {
		ctx.fake.enqueue({ behaviour: 'refusal' });
		const err = await failure(ask(llm));
		expect(err.reason).toBe('the language model declined to answer');
		expect(err.usage?.inputTokens).toBeGreaterThan(0);
	});

	it('treats an answer cut off at max_tokens as unavailable', async () => {
		ctx.fake.enqueue({ behaviour: 'max-tokens' });
		expect((await failure(ask(llm))).reason).toBe('the language model ran out of room before finishing');
	});
});

it('reports an API that cannot be reached', async () => {
	const port = await new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
	const llm = createLlm(llmConfig(`http://127.0.0.1:${port}`, { LLM_MAX_RETRIES: '0' }), createSilentLogger()) as Llm;
	expect((await failure(ask(llm))).reason).toBe('the language model could not be reached');
});

it('does not call the API when there is nothing to summarise', async () => {
	const llm = createLlm(llmConfig(ctx.fake.url), createSilentLogger()) as Llm;
	const err = await failure(llm.summarizeStance({ actor: 'Russia', topic: 'x', statements: [] }));
	expect(err.reason).toBe('there were no statements to summarise');
	expect(ctx.fake.requests).toHaveLength(0);
});
