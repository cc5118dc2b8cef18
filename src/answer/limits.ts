import type { Deps } from '../deps.js';

/** Who is asking, for per-user and per-guild limits; null for the CLI (only the daily budget applies). */
export type Requester = { userId?: string | null; guildId?: string | null };

/** Whether a language-model call may be made now, and if not, a short reason the user is shown. */
export type Allowance = { ok: true } | { ok: false; reason: string };

const MINUTE_MS = 60_000;

function startOfUtcDay(now: Date): Date {
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Checks the per-user and per-guild requests-per-minute limits and the daily token budget (UTC day),
 * all counted from the usage the store has recorded, so they hold across restarts and processes.
 */
export async function llmAllowance(who: Requester, estimatedTokens: number, deps: Deps): Promise<Allowance> {
	const { userPerMinute, guildPerMinute, dailyTokenBudget } = deps.config.anthropic;
	const now = deps.now();
	const minuteAgo = new Date(now.getTime() - MINUTE_MS);
	const usage = deps.store.usage;
	if (who.userId && (await usage.requestsSince(minuteAgo, { userId: who.userId })) >= userPerMinute) {
		return { ok: false, reason: `you reached the limit of ${userPerMinute} AI summaries per minute` };
	}
	if (who.guildId && (await usage.requestsSince(minuteAgo, { guildId: who.guildId })) >= guildPerMinute) {
		return { ok: false, reason: `this server reached the limit of ${guildPerMinute} AI summaries per minute` };
	}
	const used = await usage.tokensSince(startOfUtcDay(now));
	if (used + estimatedTokens > dailyTokenBudget) {
		return { ok: false, reason: "today's language-model token budget is used up" };
	}
	return { ok: true };
}
