import { DiscordAPIError, type Message, RESTJSONErrorCodes } from 'discord.js';
import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import type { ThreadContext } from '../store/threads.js';
import { GENERIC_ERROR } from './interactions.js';
import type { Reply } from './payload.js';
import { type FollowUpView, notice, renderFollowUp } from './render-follow-up.js';

/** What answering one follow-up produced: what to show, and what to remember for the next turn. */
export type FollowUpResult = {
	view: FollowUpView;
	/** The assistant turn as stored: citations are 0-based indexes into the context's statement ids (after `newStatementIds`). */
	assistant: { text: string; citations: number[] };
	/** Statements first used by this answer, appended to the context's order. */
	newStatementIds: number[];
};

/** Answers a follow-up question from a stored thread context (wired to the answer module in main.ts). */
export type AnswerFollowUp = (
	request: { context: ThreadContext; question: string; guildId: string; userId: string },
	deps: Deps,
) => Promise<FollowUpResult>;

type Pending = { messages: Message<true>[]; timer: NodeJS.Timeout | null; running: Promise<void> | null };

/** Answers messages in the bot's follow-up threads: one reply at a time per thread, quick messages merged. */
export type ThreadResponder = {
	onMessage(message: Message): Promise<void>;
	/** Answers every waiting batch now and resolves when all replies are sent (for shutdown and tests). */
	drain(): Promise<void>;
};

const FORBIDDEN: readonly number[] = [RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions];

/** Creates the responder; the bot's own user id decides which threads are ours and what a mention is. */
export function createThreadResponder(deps: Deps, answer: AnswerFollowUp): ThreadResponder {
	const pending = new Map<string, Pending>();
	const { threadDebounceMs, messageContentIntent, guildAllowlist } = deps.config.discord;

	const schedule = (threadId: string, entry: Pending, delay: number) => {
		if (entry.timer) clearTimeout(entry.timer);
		entry.timer = setTimeout(() => void run(threadId, entry), delay);
	};

	const run = async (threadId: string, entry: Pending): Promise<void> => {
		entry.timer = null;
		if (entry.running) return; // the running reply reschedules when it finishes
		const batch = entry.messages.splice(0);
		if (batch.length === 0) return void pending.delete(threadId);
		entry.running = reply(batch, deps, answer).finally(() => {
			entry.running = null;
			if (entry.messages.length > 0) schedule(threadId, entry, threadDebounceMs);
			else if (!entry.timer) pending.delete(threadId);
		});
		await entry.running;
	};

	return {
		async onMessage(message) {
			if (message.author.bot || !message.inGuild() || !message.channel.isThread()) return;
			const me = message.client.user.id;
			if (message.channel.ownerId !== me) return;
			// Without MESSAGE_CONTENT, Discord only shows us messages that mention the bot.
			if (!messageContentIntent && !message.mentions.users.has(me)) return;
			if (guildAllowlist.length > 0 && !guildAllowlist.includes(message.guildId)) return;
			const threadId = message.channelId;
			let entry = pending.get(threadId);
			if (!entry) {
				if (!(await deps.store.threads.get(threadId))?.opened) return;
				entry = pending.get(threadId) ?? { messages: [], timer: null, running: null };
				pending.set(threadId, entry);
			}
			entry.messages.push(message);
			schedule(threadId, entry, threadDebounceMs);
		},
		async drain() {
			while (pending.size > 0) {
				await Promise.all(
					[...pending.entries()].map(([id, entry]) => (entry.running ?? run(id, entry)).catch(() => {})),
				);
			}
		},
	};
}

async function reply(batch: Message<true>[], deps: Deps, answer: AnswerFollowUp): Promise<void> {
	const last = batch[batch.length - 1] as Message<true>;
	const threadId = last.channelId;
	const log = deps.log.child({ threadId, guildId: last.guildId, userId: last.author.id, messages: batch.length });
	const send = (r: Reply) => (last.channel.isSendable() ? last.channel.send(r) : Promise.resolve(null));
	try {
		const context = await deps.store.threads.get(threadId);
		if (!context) return;
		const asked = context.turns.filter((t) => t.role === 'user').length;
		if (asked >= deps.config.discord.threadMaxTurns) {
			await send(
				notice(
					`This thread has reached its limit of ${deps.config.discord.threadMaxTurns} follow-up questions. Run \`/stance\` again for a fresh briefing (it can take newer statements into account).`,
				),
			);
			return;
		}
		const question = batch
			.map((m) => stripMention(m.content, m.client.user.id))
			.join('\n')
			.trim();
		if (!question) return;
		await last.channel.sendTyping().catch(() => {});
		const result = await answer({ context, question, guildId: last.guildId, userId: last.author.id }, deps);
		// Stored before replying, so a restart between two follow-ups loses nothing.
		await deps.store.threads.appendTurns(
			threadId,
			[
				{ role: 'user', text: question, citations: [], authorId: last.author.id },
				{ role: 'assistant', text: result.assistant.text, citations: result.assistant.citations, authorId: null },
			],
			result.newStatementIds,
			deps.now(),
		);
		for (const r of renderFollowUp(result.view)) await send(r);
		log.info({ turn: asked + 1 }, 'follow-up answered');
	} catch (err) {
		if (err instanceof DiscordAPIError && FORBIDDEN.includes(Number(err.code))) {
			log.warn({ err }, 'cannot post in this thread');
			return;
		}
		if (err instanceof UserError) await send(notice(err.message)).catch(() => {});
		else {
			log.error({ err }, 'follow-up failed');
			await send(notice(GENERIC_ERROR)).catch((sendErr: unknown) =>
				log.warn({ err: sendErr }, 'could not post the error'),
			);
		}
	}
}

function stripMention(content: string, botId: string): string {
	return content.replace(new RegExp(`<@!?${botId}>`, 'g'), '').trim();
}
