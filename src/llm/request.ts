import type {
	ContentBlockParam,
	MessageCreateParamsNonStreaming,
	MessageParam,
	SearchResultBlockParam,
	TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { FollowUpRequest, LlmStatement, LlmTurn } from './llm.js';
import type { ModelProfile } from './models.js';
import { loadPrompt } from './prompts.js';

/** Words the summary may use; the prompts state it, the verifier caps characters independently. */
export const MAX_SUMMARY_WORDS = 120;
const MAX_TITLE_CHARS = 200;

/** A request ready to send, and which statement each `search_result_index` stands for. */
export type PreparedRequest = { params: MessageCreateParamsNonStreaming; sent: number[] };

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** "Speaker, role [Actor about Other] — Outlet, 2025-03-12": metadata the model sees but cannot cite. */
export function titleOf(s: LlmStatement): string {
	const role = s.speakerRole ? `, ${s.speakerRole}` : '';
	const actor = s.aboutActor
		? ` [${s.actor ?? 'unknown actor'} about ${s.aboutActor}]`
		: s.actor
			? ` [${s.actor}]`
			: '';
	const where = [s.outlet ?? 'unknown outlet', s.published?.slice(0, 10) ?? 'undated'].join(', ');
	return oneLine(`${s.speaker}${role}${actor} — ${where}`).slice(0, MAX_TITLE_CHARS);
}

/** One search_result block per statement; the quote is the only citable text, so a citation maps to exactly one statement. */
export function searchResultBlock(s: LlmStatement, index: number): SearchResultBlockParam {
	return {
		type: 'search_result',
		source: s.url ?? `attache:statement/${index}`,
		title: titleOf(s),
		content: [{ type: 'text', text: s.quote }],
		citations: { enabled: true },
	};
}

// Blank quotes would be a 400 (empty text block); they are skipped and `sent` keeps the index mapping honest.
function sendable(statements: LlmStatement[], from: number, to: number): number[] {
	const out: number[] = [];
	for (let i = from; i < to; i++) if (statements[i]?.quote.trim()) out.push(i);
	return out;
}

function base(
	model: string,
	profile: ModelProfile,
	system: string,
	messages: MessageParam[],
): MessageCreateParamsNonStreaming {
	return {
		model,
		max_tokens: profile.maxTokens,
		system,
		messages,
		output_config: { effort: profile.effort },
		...(profile.thinking ? { thinking: profile.thinking } : {}),
	};
}

/** The /stance request: the statements as search results, then the user's actor and topic JSON-encoded (untrusted). */
export function buildStanceRequest(
	request: { actor: string; topic: string; statements: LlmStatement[] },
	model: string,
	profile: ModelProfile,
): PreparedRequest {
	const sent = sendable(request.statements, 0, request.statements.length);
	const blocks: ContentBlockParam[] = sent.map((i) => searchResultBlock(request.statements[i] as LlmStatement, i));
	blocks.push({ type: 'text', text: JSON.stringify({ actor: request.actor, topic: request.topic }) });
	const system = loadPrompt('stance', { max_words: MAX_SUMMARY_WORDS });
	return { params: base(model, profile, system, [{ role: 'user', content: blocks }]), sent };
}

function pushTurn(messages: MessageParam[], role: 'user' | 'assistant', content: ContentBlockParam[]): void {
	const last = messages.at(-1);
	// Consecutive turns of one role are merged: the API expects user and assistant to alternate.
	if (last?.role === role && Array.isArray(last.content)) last.content.push(...content);
	else messages.push({ role, content });
}

function assistantBlock(turn: LlmTurn, statements: LlmStatement[], position: Map<number, number>): TextBlockParam {
	const citations = turn.citations.flatMap((i) => {
		const at = position.get(i);
		const s = statements[i];
		if (at === undefined || !s) return [];
		const block = searchResultBlock(s, i);
		return [
			{
				type: 'search_result_location' as const,
				search_result_index: at,
				start_block_index: 0,
				end_block_index: 1,
				source: block.source,
				title: block.title,
				cited_text: s.quote,
			},
		];
	});
	return { type: 'text', text: turn.text, ...(citations.length > 0 ? { citations } : {}) };
}

/**
 * A thread follow-up: the same statements in the same order, the earlier turns with their citations, and the
 * question. Byte-stable prefixes plus a top-level cache_control make every replay a prompt-cache hit.
 */
export function buildFollowUpRequest(
	request: Omit<FollowUpRequest, 'strong' | 'signal'>,
	model: string,
	profile: ModelProfile,
): PreparedRequest {
	const { statements } = request;
	const prior = Math.min(request.contextStatementCount ?? statements.length, statements.length);
	const first = sendable(statements, 0, prior);
	const fresh = sendable(statements, prior, statements.length);
	const sent = [...first, ...fresh];
	const position = new Map(sent.map((statementIndex, at) => [statementIndex, at]));
	const messages: MessageParam[] = [];
	const opening: ContentBlockParam[] = first.map((i) => searchResultBlock(statements[i] as LlmStatement, i));
	opening.push({ type: 'text', text: JSON.stringify({ actor: request.actor, topic: request.topic }) });
	pushTurn(messages, 'user', opening);
	for (const turn of request.turns) {
		if (!turn.text.trim()) continue;
		if (turn.role === 'user')
			pushTurn(messages, 'user', [{ type: 'text', text: JSON.stringify({ question: turn.text }) }]);
		else pushTurn(messages, 'assistant', [assistantBlock(turn, statements, position)]);
	}
	const closing: ContentBlockParam[] = fresh.map((i) => searchResultBlock(statements[i] as LlmStatement, i));
	closing.push({ type: 'text', text: JSON.stringify({ question: request.question }) });
	pushTurn(messages, 'user', closing);
	const system = loadPrompt('follow-up', { max_words: MAX_SUMMARY_WORDS });
	return { params: { ...base(model, profile, system, messages), cache_control: { type: 'ephemeral' } }, sent };
}
