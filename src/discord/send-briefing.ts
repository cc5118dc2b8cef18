import type { ChatInputCommandInteraction } from 'discord.js';
import type { Briefing } from '../answer/briefing.js';
import type { Deps } from '../deps.js';
import { renderBriefing } from './render-briefing.js';
import { threadContextFromBriefing } from './thread-context.js';

/**
 * Posts a /stance answer into a deferred interaction. When the answer's message id is known, the
 * follow-up context is stored first (keyed by that id) so the "Follow up" button works even after
 * a restart; then the first message replaces "thinking…" and the rest follow.
 */
export async function sendBriefing(
	interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
	briefing: Briefing,
	messageId: string | null,
	deps: Deps,
): Promise<void> {
	const canFollowUp = messageId !== null && briefing.quotes.length + briefing.claims.length > 0;
	if (canFollowUp) {
		const place = {
			messageId,
			guildId: interaction.guildId,
			channelId: interaction.channelId,
			userId: interaction.user.id,
		};
		await deps.store.threads.create(threadContextFromBriefing(briefing, place), deps.now());
	}
	const [first, ...rest] = renderBriefing(briefing, { followUp: canFollowUp });
	if (first) await interaction.editReply(first);
	for (const message of rest) await interaction.followUp(message);
	deps.log.info(
		{
			actor: briefing.actor.name,
			topic: briefing.topic.label,
			quotes: briefing.quotes.length,
			mode: briefing.mode,
			messages: rest.length + 1,
		},
		'stance answered',
	);
}
