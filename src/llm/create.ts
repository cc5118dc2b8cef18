import type Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { callMessages, createAnthropicClient, deadlineFor } from './client.js';
import { logFailure } from './errors.js';
import { type Llm, type LlmAnswer, type LlmStatement, LlmUnavailableError } from './llm.js';
import { isPriced, type ModelProfile, modelProfile, usageOf } from './models.js';
import { buildFollowUpRequest, buildStanceRequest, type PreparedRequest } from './request.js';
import { estimateRequestTokens } from './tokens.js';
import { verifyAnswer } from './verify.js';

/** How the client talks to the API; streaming is the default (no idle connection while the model writes). */
export type LlmOptions = { stream?: boolean };

// The product brief's input budget for one /stance answer of 20 statements.
const INPUT_TOKEN_BUDGET = 4_000;

const STOP_REASONS: Record<string, string> = {
	refusal: 'the language model declined to answer',
	max_tokens: 'the language model ran out of room before finishing',
	model_context_window_exceeded: 'the statements were too long for the language model',
	pause_turn: 'the language model paused before finishing',
	tool_use: 'the language model answered in an unexpected form',
};

type Kind = 'stance' | 'follow-up';

function checked(
	message: Message,
	statements: LlmStatement[],
	prepared: PreparedRequest,
	log: Logger,
	context: { model: string },
) {
	const usage = usageOf(context.model, message.usage);
	const stopped = message.stop_reason ? STOP_REASONS[message.stop_reason] : undefined;
	if (stopped) {
		log.warn(
			{ ...context, ...usage, stopReason: message.stop_reason, stopDetails: message.stop_details },
			'llm answer rejected',
		);
		throw new LlmUnavailableError(stopped, { usage });
	}
	const { segments, dropped } = verifyAnswer(message.content, statements, prepared.sent);
	if (dropped > 0) log.warn({ ...context, dropped }, 'llm citations failed verification and were dropped');
	if (!segments.some((s) => s.citations.length > 0)) {
		log.warn({ ...context, ...usage, dropped }, 'llm answer has no verified citation');
		throw new LlmUnavailableError('the language model cited no stored statement verbatim', { usage });
	}
	return { segments, usage };
}

async function run(
	client: Anthropic,
	config: Config['anthropic'],
	log: Logger,
	options: LlmOptions,
	call: { kind: Kind; prepared: PreparedRequest; statements: LlmStatement[]; signal?: AbortSignal },
): Promise<LlmAnswer> {
	const { kind, prepared, statements } = call;
	const model = prepared.params.model;
	if (prepared.sent.length === 0) throw new LlmUnavailableError('there were no statements to summarise');
	const estimate = estimateRequestTokens(prepared.params);
	if (kind === 'stance' && estimate > INPUT_TOKEN_BUDGET) log.warn({ kind, estimate }, 'llm input over budget');
	const started = performance.now();
	let sent: Awaited<ReturnType<typeof callMessages>>;
	try {
		sent = await callMessages(client, prepared.params, {
			stream: options.stream ?? true,
			deadlineMs: deadlineFor(config),
			signal: call.signal,
		});
	} catch (err) {
		logFailure(log, err, { kind, model });
		throw err;
	}
	const { message, requestId } = sent;
	const context = { kind, model, requestId };
	const { segments, usage } = checked(message, statements, prepared, log, context);
	if (!isPriced(model)) log.warn({ model }, 'llm model missing from the price table; cost is an upper bound');
	log.info(
		{
			...context,
			ms: Math.round(performance.now() - started),
			estimate,
			...usage,
			citations: segments.flatMap((s) => s.citations).length,
		},
		'llm answer',
	);
	return { segments, usage, requestId };
}

/**
 * The Claude-backed Llm, or null when no API key is configured (the SDK client is then never constructed and
 * answers are extractive). `strong: true` on a request selects config.strongModel instead of config.model.
 */
export function createLlm(config: Config['anthropic'], log: Logger, options: LlmOptions = {}): Llm | null {
	const client = createAnthropicClient(config, log);
	if (!client) return null;
	const answer = <R extends { statements: LlmStatement[]; strong?: boolean; signal?: AbortSignal }>(
		kind: Kind,
		build: (request: R, model: string, profile: ModelProfile) => PreparedRequest,
		request: R,
	) => {
		const model = request.strong ? config.strongModel : config.model;
		const prepared = build(request, model, modelProfile(model));
		return run(client, config, log, options, {
			kind,
			prepared,
			statements: request.statements,
			signal: request.signal,
		});
	};
	return {
		summarizeStance: (request) => answer('stance', buildStanceRequest, request),
		followUp: (request) => answer('follow-up', buildFollowUpRequest, request),
	};
}
