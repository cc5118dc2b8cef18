import type { OutputConfig, Usage as SdkUsage, ThinkingConfigParam } from '@anthropic-ai/sdk/resources/messages';
import type { Usage } from '../answer/briefing.js';

/** Request parameters a model accepts: no sampling parameters or prefill on the 5.5 models (llm-citations §7). */
export type ModelProfile = {
	thinking: ThinkingConfigParam | undefined;
	effort: NonNullable<OutputConfig['effort']>;
	/** Output budget for a short cited summary; larger where the model may think first. */
	maxTokens: number;
};

/** US dollars per million tokens. */
type Price = { input: number; output: number; cacheWrite: number; cacheRead: number };

// Prices from the per-model pages (llm-citations §4, §7); Sonnet 5.5 cache reads take the higher of two published figures.
const PRICES: Record<string, Price> = {
	'claude-haiku-5-5': { input: 0.1, output: 0.5, cacheWrite: 0.125, cacheRead: 0.01 },
	'claude-sonnet-5-5': { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
	'claude-opus-5-5': { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.4 },
};
// Haiku 5.5 costs five times as much per token once a prompt exceeds 100k tokens.
const LONG_PROMPT = { model: 'claude-haiku-5-5', above: 100_000, factor: 5 };
// An unknown model is priced like the dearest known one, so budgets err on the safe side.
const FALLBACK_PRICE: Price = PRICES['claude-opus-5-5'] as Price;

/** The thinking and effort settings the real API accepts for a model id. */
export function modelProfile(model: string): ModelProfile {
	if (/haiku/.test(model)) return { thinking: { type: 'disabled' }, effort: 'low', maxTokens: 1024 };
	// Sonnet 5.x rejects `disabled` with a 400; `between_tools` is its lowest setting and, without tools, thinks not at all.
	if (/sonnet-5/.test(model)) return { thinking: { type: 'between_tools' }, effort: 'medium', maxTokens: 2048 };
	return { thinking: undefined, effort: 'low', maxTokens: 4096 };
}

/** Whether the price table knows this model (otherwise costs are an upper bound). */
export function isPriced(model: string): boolean {
	return model in PRICES;
}

/** Token use and cost of one response, from the counts the API returned. */
export function usageOf(model: string, usage: SdkUsage): Usage {
	const inputTokens = usage.input_tokens;
	const cacheWriteTokens = usage.cache_creation_input_tokens ?? 0;
	const cacheReadTokens = usage.cache_read_input_tokens ?? 0;
	const price = PRICES[model] ?? FALLBACK_PRICE;
	const promptTokens = inputTokens + cacheWriteTokens + cacheReadTokens;
	const factor = model === LONG_PROMPT.model && promptTokens > LONG_PROMPT.above ? LONG_PROMPT.factor : 1;
	const dollars =
		inputTokens * price.input +
		usage.output_tokens * price.output +
		cacheWriteTokens * price.cacheWrite +
		cacheReadTokens * price.cacheRead;
	return {
		model,
		inputTokens,
		outputTokens: usage.output_tokens,
		cacheReadTokens,
		cacheWriteTokens,
		costUsd: (dollars * factor) / 1_000_000,
		estimated: false,
	};
}
