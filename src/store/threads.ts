import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema.js';

/** discord_threads: one row per /stance answer that can grow a follow-up thread (keyed by the answer's message id). */
export interface DiscordThreadsTable {
	thread_id: string;
	guild_id: string;
	channel_id: string;
	actor_id: string;
	actor_name: string;
	topic_id: string | null;
	topic_label: string;
	since: string | null;
	until: string | null;
	statement_ids: string;
	opened: boolean;
	created_by: string | null;
	created_at: Date;
	updated_at: Date;
}

/** discord_thread_turns: the conversation, replayed to the model on each follow-up. */
export interface DiscordThreadTurnsTable {
	thread_id: string;
	turn: number;
	role: 'user' | 'assistant';
	text: string;
	citations: string;
	author_id: string | null;
	created_at: Date;
}

type ThreadTables = { discord_threads: DiscordThreadsTable; discord_thread_turns: DiscordThreadTurnsTable };

/** One turn; `citations` are 0-based indexes into the thread's `statementIds` (the order the model saw). */
export type ThreadTurn = { role: 'user' | 'assistant'; text: string; citations: number[]; authorId: string | null };

/** What a follow-up needs after a restart: who, what, which statements in which order, and the turns so far. */
export type ThreadContext = {
	threadId: string;
	guildId: string;
	channelId: string;
	actor: { id: string; name: string };
	topic: { id: string | null; label: string };
	since: string | null;
	until: string | null;
	statementIds: number[];
	/** False until a Discord thread was actually opened on the answer. */
	opened: boolean;
	createdBy: string | null;
	turns: ThreadTurn[];
	updatedAt: Date;
};

/** A new context: everything except the bookkeeping the store sets. */
export type NewThreadContext = Omit<ThreadContext, 'opened' | 'updatedAt'>;

/** Thread persistence for Discord follow-ups. Every write takes the app clock so retention is testable. */
export type ThreadRepo = {
	/** Saves a new context and its first turns (thread ids are message ids: never reused). */
	create(context: NewThreadContext, at: Date): Promise<void>;
	get(threadId: string): Promise<ThreadContext | null>;
	/** Marks the context as having a Discord thread; false when no context exists. */
	markOpened(threadId: string, at: Date): Promise<boolean>;
	/** Appends turns and (optionally) newly seen statement ids, in one transaction. */
	appendTurns(threadId: string, turns: ThreadTurn[], statementIds: number[], at: Date): Promise<void>;
	delete(threadId: string): Promise<boolean>;
	deleteGuild(guildId: string): Promise<number>;
	/** Deletes contexts untouched since `cutoff`; returns how many. */
	deleteOlderThan(cutoff: Date): Promise<number>;
};

const IdList = z.array(z.number().int());
const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Thread repo on Kysely (PGlite or PostgreSQL). */
export function createThreadRepo(database: Kysely<Database>): ThreadRepo {
	const db = database.withTables<ThreadTables>();
	const insertTurns = async (
		trx: Kysely<Database & ThreadTables>,
		threadId: string,
		first: number,
		turns: ThreadTurn[],
		at: Date,
	) => {
		if (turns.length === 0) return;
		await trx
			.insertInto('discord_thread_turns')
			.values(
				turns.map((t, i) => ({
					thread_id: threadId,
					turn: first + i,
					role: t.role,
					text: t.text,
					citations: JSON.stringify(t.citations),
					author_id: t.authorId,
					created_at: at,
				})),
			)
			.execute();
	};
	return {
		// One statement (atomic without a transaction): this runs before every /stance answer.
		async create(c, at) {
			const turns = c.turns.map((t, i) => ({
				turn: i,
				role: t.role,
				text: t.text,
				citations: t.citations,
				author_id: t.authorId,
			}));
			await sql`
				with context as (
					insert into discord_threads (thread_id, guild_id, channel_id, actor_id, actor_name, topic_id, topic_label,
						since, until, statement_ids, opened, created_by, created_at, updated_at)
					values (${c.threadId}, ${c.guildId}, ${c.channelId}, ${c.actor.id}, ${c.actor.name}, ${c.topic.id},
						${c.topic.label}, ${c.since}, ${c.until}, ${JSON.stringify(c.statementIds)}::jsonb, false, ${c.createdBy},
						${at}, ${at})
					returning thread_id
				)
				insert into discord_thread_turns (thread_id, turn, role, text, citations, author_id, created_at)
				select context.thread_id, t.turn, t.role, t.text, t.citations, t.author_id, ${at}
				from context, jsonb_to_recordset(${JSON.stringify(turns)}::jsonb)
					as t(turn integer, role text, text text, citations jsonb, author_id text)`.execute(db);
		},
		async get(threadId) {
			const row = await db
				.selectFrom('discord_threads')
				.selectAll()
				.where('thread_id', '=', threadId)
				.executeTakeFirst();
			if (!row) return null;
			const turns = await db
				.selectFrom('discord_thread_turns')
				.selectAll()
				.where('thread_id', '=', threadId)
				.orderBy('turn')
				.execute();
			return {
				threadId: row.thread_id,
				guildId: row.guild_id,
				channelId: row.channel_id,
				actor: { id: row.actor_id, name: row.actor_name },
				topic: { id: row.topic_id, label: row.topic_label },
				since: row.since,
				until: row.until,
				statementIds: IdList.parse(parseJson(row.statement_ids)),
				opened: row.opened,
				createdBy: row.created_by,
				updatedAt: new Date(row.updated_at),
				turns: turns.map((t) => ({
					role: t.role,
					text: t.text,
					citations: IdList.parse(parseJson(t.citations)),
					authorId: t.author_id,
				})),
			};
		},
		async markOpened(threadId, at) {
			const result = await db
				.updateTable('discord_threads')
				.set({ opened: true, updated_at: at })
				.where('thread_id', '=', threadId)
				.executeTakeFirst();
			return Number(result.numUpdatedRows) > 0;
		},
		appendTurns: (threadId, turns, statementIds, at) =>
			db.transaction().execute(async (trx) => {
				const row = await trx
					.selectFrom('discord_threads')
					.select([
						'statement_ids',
						sql<number>`(select count(*) from discord_thread_turns t where t.thread_id = discord_threads.thread_id)::int`.as(
							'turns',
						),
					])
					.where('thread_id', '=', threadId)
					.forUpdate()
					.executeTakeFirst();
				if (!row) throw new Error(`no stored context for thread ${threadId}`);
				const known = IdList.parse(parseJson(row.statement_ids));
				const merged = [...known, ...statementIds.filter((id) => !known.includes(id))];
				await trx
					.updateTable('discord_threads')
					.set({ statement_ids: JSON.stringify(merged), updated_at: at })
					.where('thread_id', '=', threadId)
					.execute();
				await insertTurns(trx, threadId, row.turns, turns, at);
			}),
		async delete(threadId) {
			const result = await db.deleteFrom('discord_threads').where('thread_id', '=', threadId).executeTakeFirst();
			return Number(result.numDeletedRows) > 0;
		},
		async deleteGuild(guildId) {
			const result = await db.deleteFrom('discord_threads').where('guild_id', '=', guildId).executeTakeFirst();
			return Number(result.numDeletedRows);
		},
		async deleteOlderThan(cutoff) {
			const result = await db.deleteFrom('discord_threads').where('updated_at', '<', cutoff).executeTakeFirst();
			return Number(result.numDeletedRows);
		},
	};
}
