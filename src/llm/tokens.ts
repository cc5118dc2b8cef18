import type { ContentBlockParam, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { LlmStatement } from './llm.js';
import { modelProfile } from './models.js';
import { buildStanceRequest } from './request.js';

// Claude tokenizers average 3.5–4 characters a token in English, and the 5.5 models use about 30% more tokens
// than their predecessors; 3 characters a token keeps the estimate on the high side.
const CHARS_PER_TOKEN = 3;
// Per-block framing, and the instructions the API adds when citations are on ("a slight increase in input tokens").
const BLOCK_OVERHEAD = 6;
const SEARCH_RESULT_OVERHEAD = 16;
const CITATIONS_OVERHEAD = 150;

/** An offline, deliberately high estimate of the tokens in a text (no API call). */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / CHARS_PER_TOKEN);
}

function blockTokens(block: ContentBlockParam): number {
	if (block.type === 'text') return estimateTokens(block.text) + BLOCK_OVERHEAD;
	if (block.type === 'search_result') {
		const text = block.content.map((c) => c.text).join('');
		return estimateTokens(block.title) + estimateTokens(block.source) + estimateTokens(text) + SEARCH_RESULT_OVERHEAD;
	}
	return estimateTokens(JSON.stringify(block));
}

/** Estimated input tokens of a prepared request: system prompt, every block, and the citations overhead. */
export function estimateRequestTokens(params: MessageCreateParamsNonStreaming): number {
	const system = typeof params.system === 'string' ? params.system : (params.system ?? []).map((b) => b.text).join('');
	let total = estimateTokens(system);
	let citations = false;
	for (const message of params.messages) {
		const blocks =
			typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content;
		for (const block of blocks) {
			total += blockTokens(block);
			if (block.type === 'search_result' && block.citations?.enabled) citations = true;
		}
	}
	return total + (citations ? CITATIONS_OVERHEAD : 0);
}

/** Estimated input tokens of a /stance request for these statements, so callers can cap what they send offline. */
export function estimateStanceInputTokens(
	request: { actor: string; topic: string; statements: LlmStatement[] },
	model = 'claude-haiku-5-5',
): number {
	return estimateRequestTokens(buildStanceRequest(request, model, modelProfile(model)).params);
}
