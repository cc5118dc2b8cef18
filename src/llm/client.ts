import Anthropic from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { toLlmFailure } from './errors.js';

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * The SDK client, or null without an API key. Without a key the client must not even be constructed: SDK 1.x
 * would otherwise run its credential chain and fail at request time. Every setting comes from our config, so
 * the SDK never falls back to ANTHROPIC_* variables of its own.
 */
export function createAnthropicClient(config: Config['anthropic'], log: Logger): Anthropic | null {
	if (!config.apiKey) return null;
	const sdkLog = log.child({ component: 'anthropic-sdk' });
	return new Anthropic({
		apiKey: config.apiKey,
		baseURL: config.baseURL ?? DEFAULT_BASE_URL,
		maxRetries: config.maxRetries,
		timeout: config.timeoutMs,
		logLevel: 'warn',
		logger: {
			error: (msg: string, ...args: unknown[]) => sdkLog.error({ args }, msg),
			warn: (msg: string, ...args: unknown[]) => sdkLog.warn({ args }, msg),
			info: (msg: string, ...args: unknown[]) => sdkLog.info({ args }, msg),
			debug: (msg: string, ...args: unknown[]) => sdkLog.debug({ args }, msg),
		},
	});
}

/** How to send one request: streamed (SSE) or one JSON response, within an overall deadline. */
export type CallOptions = {
	stream: boolean;
	/** The SDK's timeout only covers waiting for response headers; this also bounds a stalled body, retries included. */
	deadlineMs: number;
	signal?: AbortSignal;
};

/** The overall deadline for one call: every attempt may use the full timeout, plus room for back-off between them. */
export function deadlineFor(config: Pick<Config['anthropic'], 'timeoutMs' | 'maxRetries'>): number {
	return config.timeoutMs * (config.maxRetries + 1) + 2_000 * config.maxRetries;
}

/** Sends one Messages request; every API failure becomes an LlmUnavailableError (see errors.ts). */
export async function callMessages(
	client: Anthropic,
	params: MessageCreateParamsNonStreaming,
	options: CallOptions,
): Promise<{ message: Message; requestId: string | null }> {
	const deadline = AbortSignal.timeout(options.deadlineMs);
	const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
	try {
		if (options.stream) {
			const stream = client.messages.stream(params, { signal });
			const message = await stream.finalMessage();
			return { message, requestId: stream.request_id ?? null };
		}
		const { data, request_id } = await client.messages.create(params, { signal }).withResponse();
		return { message: data, requestId: request_id ?? null };
	} catch (err) {
		throw toLlmFailure(err, { deadlineHit: deadline.aborted, cancelled: options.signal?.aborted === true });
	}
}
