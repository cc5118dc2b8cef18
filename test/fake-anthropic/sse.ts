import type { ContentBlock, Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';

/** One SSE frame; the `event:` line is mandatory for the SDK (a frame without it is skipped). */
export function frame(event: string, data: unknown): string {
	return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function chunks(text: string, size = 24): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
	return out;
}

function emptyOf(block: ContentBlock): ContentBlock {
	if (block.type === 'text') return { type: 'text', text: '', citations: block.citations ? [] : null };
	if (block.type === 'thinking') return { type: 'thinking', thinking: '', signature: '' };
	return block;
}

function deltas(block: ContentBlock, index: number): RawMessageStreamEvent[] {
	const out: RawMessageStreamEvent[] = [];
	if (block.type === 'thinking') {
		for (const t of chunks(block.thinking))
			out.push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: t } });
		out.push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature } });
		return out;
	}
	if (block.type !== 'text') return out;
	const text = chunks(block.text).map(
		(t): RawMessageStreamEvent => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: t } }),
	);
	const citations = (block.citations ?? []).map(
		(citation): RawMessageStreamEvent => ({
			type: 'content_block_delta',
			index,
			delta: { type: 'citations_delta', citation },
		}),
	);
	// The real order of text and citation deltas is undocumented: alternate so clients cannot depend on either.
	return index % 2 === 0 ? [...citations, ...text] : [...text, ...citations];
}

/** The SSE events for a message: message_start, per-block start/deltas/stop, message_delta, message_stop. */
export function streamEvents(message: Message): RawMessageStreamEvent[] {
	const events: RawMessageStreamEvent[] = [
		{
			type: 'message_start',
			message: {
				...message,
				content: [],
				stop_reason: null,
				stop_details: null,
				usage: { ...message.usage, output_tokens: 1 },
			},
		},
	];
	message.content.forEach((block, index) => {
		events.push({ type: 'content_block_start', index, content_block: emptyOf(block) });
		events.push(...deltas(block, index));
		events.push({ type: 'content_block_stop', index });
	});
	events.push({
		type: 'message_delta',
		delta: {
			stop_reason: message.stop_reason,
			stop_sequence: null,
			stop_details: message.stop_details,
			container: null,
		},
		usage: {
			output_tokens: message.usage.output_tokens,
			input_tokens: message.usage.input_tokens,
			cache_creation_input_tokens: message.usage.cache_creation_input_tokens,
			cache_read_input_tokens: message.usage.cache_read_input_tokens,
			output_tokens_details: null,
			server_tool_use: null,
		},
	});
	events.push({ type: 'message_stop' });
	return events;
}
