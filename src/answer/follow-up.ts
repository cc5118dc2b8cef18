import { type ActorMention, findActorMentions } from '../actors/registry.js';
import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import type { LlmTurn } from '../llm/llm.js';
import { estimateStanceInputTokens, estimateTokens } from '../llm/tokens.js';
import type { StoredStatement } from '../store/store.js';
import { detectTopic } from '../topics/detect.js';
import type { BriefingQuote, SummarySegment, Usage } from './briefing.js';
import { runLlm, toLlmStatement } from './llm-summary.js';
import { listNames, toBriefingQuote } from './quotes.js';
import { type ResolvedQuery, resolveActorInput, resolveTopicInput } from './resolve-query.js';
import { retrieveStatements } from './retrieve.js';

/** Longest follow-up question accepted. */
export const MAX_QUESTION_LENGTH = 1_000;
/** Most statements a thread carries (the model sees all of them on every turn, in the same order). */
export const MAX_THREAD_STATEMENTS = 40;
// Most statements one question may add.
const MAX_NEW_STATEMENTS = 8;
const EXTRACTIVE_CITES = 3;

/** A follow-up question and the stored state of its thread. Turn citations are 0-based indexes into statementIds. */
export type FollowUpRequest = {
	question: string;
	thread: {
		actor: string;
		/** The topic id or label of the thread's /stance answer. */
		topic: string;
		since?: string | null;
		until?: string | null;
		statementIds: number[];
		turns: LlmTurn[];
	};
	userId?: string | null;
	guildId?: string | null;
};

/** The answer to a follow-up: prose citing quote numbers (statement index + 1), the cited quotes, and the new thread state. */
export type FollowUpAnswer = {
	segments: SummarySegment[];
	/** The quotes the segments cite, numbered by their place in `statementIds`. */
	quotes: BriefingQuote[];
	statementIds: number[];
	/** Statements this question added, at the end of `statementIds`. */
	newStatementIds: number[];
	/** The assistant turn to store: citations as 0-based indexes into `statementIds`. */
	assistant: { text: string; citations: number[] };
	mode: 'llm' | 'extractive';
	note: string | null;
	usage: Usage | null;
};

function cleanQuestion(question: string): string {
	const q = question
		.normalize('NFKC')
		.replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (!q) throw new UserError('Ask a question about the statements above, for example "What did Lavrov say?".');
	if (q.length > MAX_QUESTION_LENGTH) {
		throw new UserError(`That question is too long (${q.length} characters, at most ${MAX_QUESTION_LENGTH}).`);
	}
	return q;
}

// Mentions need capitals; a chat question is often lower case, so it is scanned as written and title-cased.
function mentionsIn(question: string): ActorMention[] {
	const titled = question.replace(/\p{L}+/gu, (w) => (w.length > 3 ? w[0]?.toUpperCase() + w.slice(1) : w));
	return [...findActorMentions(question), ...findActorMentions(titled)];
}

/** The retrievals a question asks for: another topic, another actor, or one speaker of the thread's actor. */
function retrievalsFor(question: string, base: ResolvedQuery): ResolvedQuery[] {
	const out: ResolvedQuery[] = [];
	const topic = detectTopic(question);
	const askedTopic = topic && topic.id !== base.topic.id ? resolveTopicInput(topic.id) : base.topic;
	if (askedTopic !== base.topic) out.push({ ...base, topic: askedTopic });
	for (const m of mentionsIn(question)) {
		if (m.actor.name !== base.actor.name) out.push({ ...base, actor: m.actor, topic: askedTopic });
		else if (m.kind === 'person' || m.kind === 'surname') out.push({ ...base, topic: askedTopic, speaker: m.speaker });
	}
	return out;
}

async function retrieveMore(question: string, base: ResolvedQuery, have: Set<number>, deps: Deps) {
	const found: StoredStatement[] = [];
	for (const q of retrievalsFor(question, base)) {
		const { own } = await retrieveStatements(q, deps.store);
		const surname = q.speaker?.split(' ').at(-1)?.toLowerCase();
		for (const s of own) {
			if (surname && !s.speaker.toLowerCase().includes(surname)) continue;
			if (have.has(s.id) || found.some((f) => f.id === s.id)) continue;
			found.push(s);
		}
	}
	return found.slice(0, MAX_NEW_STATEMENTS);
}

const words = (text: string) =>
	new Set(
		text
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)
			.filter((w) => w.length > 3),
	);

/** The offline answer: the stored quotes closest to the question (new retrievals first), named by speaker. */
function extractiveAnswer(question: string, quotes: BriefingQuote[], fresh: number): SummarySegment[] {
	const asked = words(question);
	const score = (q: BriefingQuote) => [...words(`${q.quote} ${q.speaker}`)].filter((w) => asked.has(w)).length;
	const ranked = quotes
		.map((q, i) => ({ q, s: score(q) + (i >= quotes.length - fresh ? 0.5 : 0) }))
		.filter((x) => x.s > 0)
		.sort((a, b) => b.s - a.s || a.q.n - b.q.n)
		.slice(0, EXTRACTIVE_CITES)
		.map((x) => x.q);
	if (ranked.length === 0) {
		const newest = quotes.slice(0, EXTRACTIVE_CITES);
		if (newest.length === 0) return [];
		return [
			{
				text: 'None of the stored statements speaks to this directly; the newest ones are these.',
				citations: newest.map((q) => q.n),
			},
		];
	}
	const who = listNames(ranked.map((q) => q.speaker));
	return [{ text: `The stored statements closest to the question are by ${who}.`, citations: ranked.map((q) => q.n) }];
}

/**
 * Answers a question in a /stance follow-up thread from the thread's stored statements (same order, so
 * earlier citations stay valid) plus new retrievals when the question names another topic, actor or
 * speaker; the language model answers when available and allowed, else the closest stored quotes.
 */
export async function answerFollowUp(request: FollowUpRequest, deps: Deps): Promise<FollowUpAnswer> {
	const question = cleanQuestion(request.question);
	const { thread } = request;
	const base: ResolvedQuery = {
		actor: resolveActorInput(thread.actor),
		actorInput: thread.actor,
		topic: resolveTopicInput(thread.topic),
		since: thread.since ?? null,
		until: thread.until ?? null,
	};
	// Statements deleted since (re-extraction) drop out, but numbers stay those of the stored list, so a
	// citation means the same quote on every turn; the model sees the survivors and turns are re-indexed to match.
	const ids = thread.statementIds;
	const stored = await deps.store.statements.getByIds(ids);
	const seen = new Map(stored.map((s, i) => [s.id, i]));
	const toSeen = (i: number) => seen.get(ids[i] ?? -1) ?? -1;
	const turns = thread.turns.map((t) => ({ ...t, citations: t.citations.map(toSeen).filter((i) => i >= 0) }));

	const room = MAX_THREAD_STATEMENTS - ids.length;
	const fresh = room > 0 ? (await retrieveMore(question, base, new Set(ids), deps)).slice(0, room) : [];
	const statementIds = [...ids, ...fresh.map((s) => s.id)];
	const numberOf = new Map(statementIds.map((id, i) => [id, i + 1]));
	const quotes = [...stored, ...fresh].map((s) =>
		toBriefingQuote({ statement: s, copies: [s], outlets: s.outlet ? [s.outlet] : [] }, numberOf.get(s.id) ?? 0),
	);

	let segments = extractiveAnswer(question, quotes, fresh.length);
	let mode: FollowUpAnswer['mode'] = 'extractive';
	let note: string | null = null;
	let usage: Usage | null = null;
	if (deps.llm && quotes.length > 0) {
		const llm = deps.llm;
		const actor = base.actor.name;
		const topic = base.topic.label;
		const history = turns.map((t) => t.text).join(' ');
		const estimated =
			estimateStanceInputTokens({ actor, topic, statements: quotes.map(toLlmStatement) }) +
			estimateTokens(`${question} ${history}`);
		const outcome = await runLlm(
			'follow-up',
			request,
			quotes,
			estimated,
			(statements) => llm.followUp({ actor, topic, question, statements, contextStatementCount: stored.length, turns }),
			deps,
		);
		usage = outcome.usage;
		if (outcome.ok) {
			segments = outcome.segments;
			mode = 'llm';
		} else note = outcome.note;
	}
	const cited = new Set(segments.flatMap((s) => s.citations));
	deps.log.info({ actor: base.actor.name, topic: base.topic.label, added: fresh.length, mode }, 'follow-up answered');
	return {
		segments,
		quotes: quotes.filter((q) => cited.has(q.n)),
		statementIds,
		newStatementIds: fresh.map((s) => s.id),
		assistant: { text: segments.map((s) => s.text).join(' '), citations: [...cited].map((n) => n - 1) },
		mode,
		note,
		usage,
	};
}
