import { type Client, Events } from 'discord.js';
import type { Deps } from '../deps.js';
import type { Command } from './command.js';
import { commandMap, handleInteraction } from './interactions.js';
import { type AnswerFollowUp, createThreadResponder } from './threads.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A running bot: its event handlers attached to a Client. */
export type Bot = {
	/** Deletes thread contexts older than the retention period; returns how many. */
	sweep(): Promise<number>;
	/** Stops taking work, waits (up to `timeoutMs`) for in-flight replies, and detaches. Does not destroy the Client. */
	stop(timeoutMs?: number): Promise<void>;
};

/**
 * Attaches Attaché's handlers to a Client: slash commands, autocomplete and buttons; follow-ups in
 * its threads; deletion of stored turns when a thread is deleted or the bot leaves a guild; and a
 * retention sweep at ready and then hourly. Every handler is tracked so shutdown can wait for it.
 */
export function attachBot(
	client: Client,
	options: { commands: readonly Command[]; deps: Deps; answerFollowUp: AnswerFollowUp },
): Bot {
	const { deps } = options;
	const log = deps.log;
	const commands = commandMap(options.commands);
	const responder = createThreadResponder(deps, options.answerFollowUp);
	const inFlight = new Set<Promise<unknown>>();
	let stopping = false;
	let sweepTimer: NodeJS.Timeout | null = null;

	const track = (work: Promise<unknown>, what: string) => {
		const p = work.catch((err: unknown) => log.error({ err }, `${what} failed`)).finally(() => inFlight.delete(p));
		inFlight.add(p);
	};

	const sweep = async () => {
		const cutoff = new Date(deps.now().getTime() - deps.config.discord.threadRetentionDays * DAY_MS);
		const deleted = await deps.store.threads.deleteOlderThan(cutoff);
		if (deleted > 0) log.info({ deleted, cutoff }, 'expired follow-up threads deleted');
		return deleted;
	};

	const handlers = {
		[Events.ClientReady]: () => {
			log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord bot ready');
			track(sweep(), 'thread retention sweep');
			sweepTimer ??= setInterval(() => track(sweep(), 'thread retention sweep'), SWEEP_EVERY_MS).unref();
		},
		[Events.InteractionCreate]: (interaction: Parameters<typeof handleInteraction>[0]) => {
			if (stopping) return; // unanswered, Discord tells the user the bot did not respond
			track(handleInteraction(interaction, commands, deps), 'interaction');
		},
		[Events.MessageCreate]: (message: Parameters<typeof responder.onMessage>[0]) => {
			if (!stopping) track(responder.onMessage(message), 'thread message');
		},
		[Events.ThreadDelete]: (thread: { id: string }) => {
			track(deps.store.threads.delete(thread.id), 'thread deletion');
		},
		[Events.GuildDelete]: (guild: { id: string }) => {
			track(
				deps.store.threads.deleteGuild(guild.id).then((n) => log.info({ guildId: guild.id, deleted: n }, 'left guild')),
				'guild cleanup',
			);
		},
		[Events.Error]: (err: Error) => log.error({ err }, 'discord client error'),
		[Events.Warn]: (message: string) => log.warn({ message }, 'discord client warning'),
	};
	for (const [event, handler] of Object.entries(handlers)) client.on(event, handler as (...args: unknown[]) => void);

	return {
		sweep,
		async stop(timeoutMs = 10_000) {
			stopping = true;
			if (sweepTimer) clearInterval(sweepTimer);
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<'timeout'>((resolve) => {
				timer = setTimeout(() => resolve('timeout'), timeoutMs);
			});
			const settled = (async () => {
				await responder.drain();
				while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
			})();
			if ((await Promise.race([settled, timeout])) === 'timeout') {
				log.warn({ pending: inFlight.size }, 'shutdown timed out waiting for replies');
			}
			clearTimeout(timer);
			for (const [event, handler] of Object.entries(handlers))
				client.off(event, handler as (...args: unknown[]) => void);
		},
	};
}
