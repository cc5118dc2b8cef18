import Anthropic from '@anthropic-ai/sdk';
import type { Logger } from '../log.js';
import { LlmUnavailableError } from './llm.js';

/** An LlmUnavailableError that also says whether our side is at fault (bad request, rejected key): log those as errors. */
export class LlmFailure extends LlmUnavailableError {
	constructor(
		reason: string,
		readonly requestId: string | null,
		readonly ourFault: boolean,
		cause: unknown,
	) {
		super(reason, { cause });
	}
}

function describe(err: InstanceType<typeof Anthropic.APIError>): [string, boolean] {
	if (err instanceof Anthropic.APIUserAbortError) return ['the request was cancelled', false];
	if (err instanceof Anthropic.APIConnectionTimeoutError) return ['the language model timed out', false];
	if (err instanceof Anthropic.APIConnectionError) return ['the language model could not be reached', false];
	if (err instanceof Anthropic.RateLimitError) {
		// Spend and ramp limits do not lift on retry: the note should say it is a limit, not a blip.
		return /spend_limit|ramp_limit/.test(err.errorCode ?? '')
			? ['the API spend limit has been reached', false]
			: ['the language model is rate-limited', false];
	}
	if (err instanceof Anthropic.OverloadedError) return ['the language model is overloaded', false];
	if (err instanceof Anthropic.AuthenticationError || err instanceof Anthropic.PermissionDeniedError) {
		return ['the API key was rejected', true];
	}
	if (err instanceof Anthropic.BadRequestError || err instanceof Anthropic.NotFoundError) {
		return ['the language model rejected the request', true];
	}
	if (err.status === undefined) return ['the language model stream failed', false];
	return ['the language model service failed', false];
}

/**
 * Maps a failed API call to an LlmFailure with a short user-facing reason. Reading a JSON body happens outside
 * the SDK's error wrapping, so a body cut short or aborted surfaces as a plain SyntaxError, AbortError or
 * undici TypeError; those are transport failures too. Anything else (a bug of ours) is returned unchanged so it
 * surfaces instead of hiding behind the extractive fallback.
 */
export function toLlmFailure(err: unknown, state: { deadlineHit: boolean; cancelled: boolean }): unknown {
	const requestId = err instanceof Anthropic.APIError ? (err.requestID ?? null) : null;
	if (state.deadlineHit) return new LlmFailure('the language model timed out', requestId, false, err);
	if (state.cancelled) return new LlmFailure('the request was cancelled', requestId, false, err);
	if (err instanceof Anthropic.APIError) {
		const [reason, ourFault] = describe(err);
		return new LlmFailure(reason, requestId, ourFault, err);
	}
	if (err instanceof Anthropic.AnthropicError || err instanceof SyntaxError) {
		return new LlmFailure('the language model returned an unreadable response', null, false, err);
	}
	if (err instanceof TypeError && (err.message === 'terminated' || err.cause !== undefined)) {
		return new LlmFailure('the connection to the language model broke', null, false, err);
	}
	return err;
}

/** Logs a failed call with its request id: as an error when our side is at fault (a bug or a bad key), else a warning. */
export function logFailure(log: Logger, err: unknown, context: { kind: string; model: string }): void {
	if (!(err instanceof LlmFailure)) return;
	const record = { ...context, requestId: err.requestId, reason: err.reason, err: err.cause };
	if (err.ourFault) log.error(record, 'llm request failed');
	else log.warn(record, 'llm unavailable');
}
