import type { ContentBlockParam, MessageCreateParams } from '@anthropic-ai/sdk/resources/messages';

const STRICT_SAMPLING_MODELS = /-5-5$/;
const NO_FORCED_TOOLS = new Set(['claude-sonnet-5-5']);
const NO_DISABLED_THINKING = new Set(['claude-sonnet-5-5']);
const LOW_EFFORTS = new Set([undefined, null, 'low', 'medium', 'high']);

function blocksOf(body: MessageCreateParams): ContentBlockParam[] {
	return (body.messages ?? []).flatMap((m) => (typeof m.content === 'string' ? [] : m.content));
}

function citable(blocks: ContentBlockParam[]): { enabled: boolean }[] {
	const found: { enabled: boolean }[] = [];
	for (const b of blocks) {
		if (b.type === 'search_result' || b.type === 'document') found.push({ enabled: b.citations?.enabled === true });
		if (b.type === 'tool_result' && Array.isArray(b.content)) {
			for (const inner of b.content) {
				if (inner.type === 'search_result' || inner.type === 'document')
					found.push({ enabled: inner.citations?.enabled === true });
			}
		}
	}
	return found;
}

/**
 * The 400 rules the real Messages API enforces for the models we use (llm-citations §11.6), so no test
 * passes with a request the API would reject. Returns the error message, or null when the request is valid.
 */
export function invalidRequest(body: MessageCreateParams): string | null {
	if (typeof body !== 'object' || body === null) return 'body: expected a JSON object';
	if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
	if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
	if (body.max_tokens < 1 || body.max_tokens > 128_000) return 'max_tokens: out of range for this model';
	if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: Field required';
	if (body.messages.at(-1)?.role === 'assistant') {
		return 'This model does not support assistant message prefill. The conversation must end with a user message.';
	}
	const sampling = (['temperature', 'top_p', 'top_k'] as const).filter(
		(k) => (body as unknown as Record<string, unknown>)[k] !== undefined,
	);
	if (sampling.length > 0 && STRICT_SAMPLING_MODELS.test(body.model)) {
		return `${sampling[0]}: sampling parameters are not supported for ${body.model}`;
	}
	if (body.thinking?.type === 'disabled' && NO_DISABLED_THINKING.has(body.model)) {
		return `thinking: type "disabled" is not supported for ${body.model}; use "between_tools"`;
	}
	if (body.thinking?.type === 'disabled' && !LOW_EFFORTS.has(body.output_config?.effort)) {
		return 'thinking: "disabled" requires effort "high" or below';
	}
	const toolChoice = body.tool_choice?.type;
	if ((toolChoice === 'any' || toolChoice === 'tool') && NO_FORCED_TOOLS.has(body.model)) {
		return 'tool_choice: type "tool" and "any" are not supported for this model';
	}
	const blocks = blocksOf(body);
	for (const b of blocks) {
		if (b.type === 'text' && b.text === '') return 'messages: text content blocks must be non-empty';
		if (b.type === 'search_result') {
			if (!Array.isArray(b.content) || b.content.length === 0) return 'search_result: content must be non-empty';
			if (b.content.some((c) => c.type !== 'text' || c.text === ''))
				return 'search_result: text blocks must be non-empty';
			if (typeof b.source !== 'string' || typeof b.title !== 'string')
				return 'search_result: source and title are required';
		}
	}
	const flags = citable(blocks);
	const on = flags.filter((f) => f.enabled).length;
	if (on > 0 && on < flags.length) {
		return 'Citations are all-or-nothing: either all search results in a request must have citations enabled, or all must have them disabled.';
	}
	if (on > 0 && (body.output_config?.format || (body as { output_format?: unknown }).output_format)) {
		return 'Citations are not supported with structured outputs (output_config.format).';
	}
	const results = blocks.filter((b) => b.type === 'search_result');
	for (const b of blocks) {
		if (b.type !== 'text') continue;
		for (const c of b.citations ?? []) {
			if (c.type === 'search_result_location' && !results[c.search_result_index]) {
				return 'citations: search_result_index out of range';
			}
		}
	}
	return null;
}
