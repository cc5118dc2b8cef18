import { type Generated, type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** llm_usage: one row per language-model request (see migration 0003). */
export interface LlmUsageTable {
	id: Generated<number>;
	at: Date;
	purpose: string;
	user_id: string | null;
	guild_id: string | null;
	model: string;
	input_tokens: number;
	output_tokens: number;
	cache_read_tokens: number;
	cache_write_tokens: number;
	cost_usd: number;
	ok: boolean;
}

/** One language-model request as recorded: who asked, what it cost, and whether it produced an answer. */
export type UsageEntry = {
	at: Date;
	purpose: 'stance' | 'follow-up';
	userId: string | null;
	guildId: string | null;
	model: string;
	inputTokens: number;
	outputTokens: number;
	cacheReadTokens: number;
	cacheWriteTokens: number;
	costUsd: number;
	ok: boolean;
};

/** Token usage for the daily budget and request counts for rate limits. */
export type UsageRepo = {
	record(entry: UsageEntry): Promise<void>;
	/** Input + output tokens of every request at or after `since`. */
	tokensSince(since: Date): Promise<number>;
	/** Requests at or after `since` by this user (when userId is given) or in this guild (when guildId is given). */
	requestsSince(since: Date, who: { userId: string } | { guildId: string }): Promise<number>;
};

/** Usage records on Kysely. */
export function createUsageRepo(db: Kysely<Database>): UsageRepo {
	const usage = db.withTables<{ llm_usage: LlmUsageTable }>();
	return {
		async record(e) {
			await usage
				.insertInto('llm_usage')
				.values({
					at: e.at,
					purpose: e.purpose,
					user_id: e.userId,
					guild_id: e.guildId,
					model: e.model,
					input_tokens: e.inputTokens,
					output_tokens: e.outputTokens,
					cache_read_tokens: e.cacheReadTokens,
					cache_write_tokens: e.cacheWriteTokens,
					cost_usd: e.costUsd,
					ok: e.ok,
				})
				.execute();
		},
		async tokensSince(since) {
			const row = await usage
				.selectFrom('llm_usage')
				.where('at', '>=', since)
				.select(sql<number>`coalesce(sum(input_tokens + output_tokens), 0)::float8`.as('tokens'))
				.executeTakeFirst();
			return Number(row?.tokens ?? 0);
		},
		async requestsSince(since, who) {
			let q = usage.selectFrom('llm_usage').where('at', '>=', since);
			q = 'userId' in who ? q.where('user_id', '=', who.userId) : q.where('guild_id', '=', who.guildId);
			const row = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
			return Number(row?.n ?? 0);
		},
	};
}
