import type { Client } from 'discord.js';

// Acknowledgements in flight, per client. Heavy work (queries, the model) waits for them: on embedded
// PGlite a query runs on the main thread, and 50 commands at once would otherwise delay each other's
// 3-second acknowledgement by hundreds of milliseconds.
const inFlight = new WeakMap<Client, Set<Promise<unknown>>>();

/**
 * Sends an interaction's acknowledgement (defer, deferUpdate…) and resolves once it and every other
 * acknowledgement already in flight on the same client have been answered, so slow work starts only
 * after everyone waiting has been told "thinking…". Call it first in a handler.
 */
export async function acknowledgeFirst<T>(client: Client, acknowledge: () => Promise<T>): Promise<T> {
	const pending = inFlight.get(client) ?? new Set<Promise<unknown>>();
	inFlight.set(client, pending);
	const ack = acknowledge();
	pending.add(ack);
	try {
		return await ack;
	} finally {
		pending.delete(ack);
		await Promise.allSettled([...pending]);
	}
}
