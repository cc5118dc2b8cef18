import {
	type APIActionRowComponent,
	type APIComponentInMessageActionRow,
	type ButtonInteraction,
	DiscordAPIError,
	RESTJSONErrorCodes,
	ThreadAutoArchiveDuration,
} from 'discord.js';
import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import { acknowledgeFirst } from './acknowledge.js';
import { truncate } from './escape.js';
import { NO_MENTIONS } from './payload.js';
import { FOLLOW_UP_ID } from './render-briefing.js';

const FORBIDDEN: readonly number[] = [RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions];

/** The first message in a new thread: what it is for and how to talk to the bot there. */
export function threadIntro(actor: string, topic: string, deps: Pick<Deps, 'config'>): string {
	const how = deps.config.discord.messageContentIntent
		? 'Ask a follow-up question here'
		: 'Mention me (@Attaché) with a follow-up question here';
	return `${how} about **${actor}** on **${topic}**. I answer from the stored statements only, with citations. This thread takes up to ${deps.config.discord.threadMaxTurns} questions.`;
}

/**
 * Handles the "Follow up" button: opens a thread on the answer (its id is the answer's id, which
 * keys the context already stored), marks it open, posts the intro and removes the button.
 */
export async function openFollowUpThread(interaction: ButtonInteraction, deps: Deps): Promise<void> {
	await acknowledgeFirst(interaction.client, () => interaction.deferUpdate());
	const context = await deps.store.threads.get(interaction.message.id);
	if (!context) throw new UserError('This answer is too old to follow up on. Run /stance again for a fresh one.');
	let thread: Awaited<ReturnType<typeof interaction.message.startThread>>;
	try {
		thread = await interaction.message.startThread({
			name: truncate(`${context.actor.name} on ${context.topic.label}`, 100),
			autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
		});
	} catch (err) {
		if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
			// Opened before a crash that came before it was recorded: record it now so the thread is answered.
			await deps.store.threads.markOpened(context.threadId, deps.now());
			throw new UserError(`A follow-up thread is already open on this answer: <#${interaction.message.id}>`);
		}
		if (err instanceof DiscordAPIError && FORBIDDEN.includes(Number(err.code))) {
			deps.log.warn({ err, channelId: interaction.channelId }, 'cannot create a thread here');
			throw new UserError(
				'I am not allowed to create threads in this channel. Ask an admin for "Create Public Threads".',
			);
		}
		throw err;
	}
	await deps.store.threads.markOpened(context.threadId, deps.now());
	await thread.send({
		content: threadIntro(context.actor.name, context.topic.label, deps),
		allowedMentions: NO_MENTIONS,
	});
	await interaction.editReply({ components: withoutFollowUp(interaction.message.components.map((c) => c.toJSON())) });
	deps.log.info({ threadId: thread.id }, 'follow-up thread opened');
}

function withoutFollowUp(rows: unknown[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
	return (rows as APIActionRowComponent<APIComponentInMessageActionRow>[])
		.map((row) => ({
			...row,
			components: row.components.filter((c) => !('custom_id' in c) || c.custom_id !== FOLLOW_UP_ID),
		}))
		.filter((row) => row.components.length > 0);
}
