import type {
	CitationsSearchResultLocation,
	ContentBlock,
	Message,
	MessageCreateParams,
	SearchResultBlockParam,
	StopReason,
	TextBlock,
	Usage,
} from '@anthropic-ai/sdk/resources/messages';

/** Scriptable model behaviours: `cite` is the honest default, the others are adversarial outputs the verifier must survive. */
export type Behaviour =
	| 'cite'
	| 'mutated-cited-text'
	| 'out-of-range'
	| 'end-block-2'
	| 'invented-quote'
	| 'url'
	| 'everyone'
	| 'no-citations'
	| 'refusal'
	| 'max-tokens';

/** A search_result block of the request with its index counted across all messages, as the API counts it. */
export type IndexedResult = { index: number; block: SearchResultBlockParam };

/** Every search_result block in the request, in order across messages (the API's `search_result_index`). */
export function searchResults(body: MessageCreateParams): IndexedResult[] {
	const found: IndexedResult[] = [];
	for (const message of body.messages ?? []) {
		if (typeof message.content === 'string') continue;
		for (const block of message.content) {
			if (block.type === 'search_result') found.push({ index: found.length, block });
		}
	}
	return found;
}

/** A rough token count (4 characters a token) so usage numbers move with the request size. */
export function fakeTokens(text: string): number {
	return Math.max(1, Math.ceil(text.length / 4));
}

function blockText(block: SearchResultBlockParam): string {
	return block.content.map((c) => c.text).join('');
}

function cite(
	result: IndexedResult,
	overrides: Partial<CitationsSearchResultLocation> = {},
): CitationsSearchResultLocation {
	return {
		type: 'search_result_location',
		search_result_index: result.index,
		start_block_index: 0,
		end_block_index: 1,
		source: result.block.source,
		title: result.block.title,
		cited_text: blockText(result.block),
		...overrides,
	};
}

function text(value: string, citations: CitationsSearchResultLocation[] | null = null): TextBlock {
	return { type: 'text', text: value, citations };
}

/** The results the answer should cite: those added in the last user turn when it has some (a follow-up's new retrieval), else the first k. */
function toCite(results: IndexedResult[], body: MessageCreateParams, k: number): IndexedResult[] {
	const last = body.messages.at(-1)?.content;
	const fresh = Array.isArray(last) ? last.filter((b) => b.type === 'search_result').length : 0;
	const start = fresh > 0 && fresh < results.length ? results.length - fresh : 0;
	return results.slice(start, start + k);
}

/** The deterministic answer: one uncited lead sentence, then one cited sentence per statement cited, altered by `behaviour`. */
export function answerFor(
	body: MessageCreateParams,
	behaviour: Behaviour,
	k = 3,
): { content: ContentBlock[]; stop: StopReason } {
	const results = searchResults(body);
	const chosen = toCite(results, body, k);
	const lead = text(`The ${results.length} statements provided bear on the request.`);
	const cited = chosen.map((r, i) => text(`${i === 0 ? ' ' : ' Also, '}${r.block.title} addressed it.`, [cite(r)]));
	const first = chosen[0];
	switch (behaviour) {
		case 'cite':
			return { content: [lead, ...cited], stop: 'end_turn' };
		case 'mutated-cited-text':
			if (!first) break;
			return {
				content: [
					lead,
					text(' A mutated citation.', [cite(first, { cited_text: `${blockText(first.block)} Not.` })]),
					...cited.slice(1),
				],
				stop: 'end_turn',
			};
		case 'out-of-range':
			if (!first) break;
			return {
				content: [
					lead,
					text(' An impossible citation.', [cite(first, { search_result_index: results.length + 5 })]),
					...cited.slice(1),
				],
				stop: 'end_turn',
			};
		case 'end-block-2':
			if (!first) break;
			return {
				content: [lead, text(' A two-block citation.', [cite(first, { end_block_index: 2 })]), ...cited.slice(1)],
				stop: 'end_turn',
			};
		case 'invented-quote':
			return {
				content: [
					lead,
					text(' The minister said “we fully endorse the plan and will pay for it” on Monday.'),
					...cited,
				],
				stop: 'end_turn',
			};
		case 'url':
			return {
				content: [
					lead,
					text(' Read more at https://evil.example/phish and [this page](https://evil.example/x) or www.evil.example.'),
					...cited,
				],
				stop: 'end_turn',
			};
		case 'everyone':
			return {
				content: [
					lead,
					text(' @everyone look at <@123456789012345678> in <#123456789012345678> with <@&123456789012345678>.'),
					...cited,
				],
				stop: 'end_turn',
			};
		case 'no-citations':
			return { content: [lead, text(' Nothing here is cited.')], stop: 'end_turn' };
		case 'refusal':
			return { content: [], stop: 'refusal' };
		case 'max-tokens':
			return { content: [lead, ...cited.slice(0, 1)], stop: 'max_tokens' };
	}
	return { content: [lead], stop: 'end_turn' };
}

type JsonSchema = {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	enum?: unknown[];
	anyOf?: JsonSchema[];
};

/** The smallest value a JSON schema accepts: the default answer to a structured-output request. */
export function minimalInstance(schema: JsonSchema): unknown {
	if (schema.enum) return schema.enum[0];
	if (schema.anyOf?.[0]) return minimalInstance(schema.anyOf[0]);
	const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
	if (type === 'object') {
		return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, minimalInstance(v)]));
	}
	return { array: [], string: '', number: 0, integer: 0, boolean: false, null: null }[type ?? 'null'] ?? null;
}

/** Wraps content into a full Message with usage derived from the request. */
export function toMessage(
	id: number,
	body: MessageCreateParams,
	content: ContentBlock[],
	stop: StopReason,
	usage: Pick<Usage, 'input_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'>,
): Message {
	const outputText = content.map((b) => (b.type === 'text' ? b.text : '')).join('');
	return {
		id: `msg_fake_${String(id).padStart(3, '0')}`,
		type: 'message',
		role: 'assistant',
		model: body.model,
		content,
		stop_reason: stop,
		stop_sequence: null,
		stop_details: stop === 'refusal' ? { type: 'refusal', category: null, explanation: null } : null,
		container: null,
		diagnostics: null,
		usage: {
			...usage,
			output_tokens: fakeTokens(outputText),
			cache_creation: null,
			inference_geo: null,
			output_tokens_details: null,
			server_tool_use: null,
			service_tier: 'standard',
			speed: null,
		},
	};
}
