import { ApplicationCommandOptionType } from 'discord.js';
import { answerStance } from '../src/answer/stance.js';
import { acknowledgeFirst } from '../src/discord/acknowledge.js';
import { respondActorTopic } from '../src/discord/autocomplete.js';
import { type Command, inGuilds } from '../src/discord/command.js';
import { openFollowUpThread } from '../src/discord/follow-up-thread.js';
import { sendBriefing } from '../src/discord/send-briefing.js';
import { UserError } from '../src/errors.js';

const date = (name: string, description: string) => ({
	type: ApplicationCommandOptionType.String as const,
	name,
	description,
	min_length: 10,
	max_length: 10,
});

/** /stance actor topic [since] [until]: the actor's stated position, cited, with a follow-up thread on request. */
export default {
	data: inGuilds({
		name: 'stance',
		description: 'What an actor has said on a topic: a cited summary, the quotes and a timeline',
		options: [
			{
				type: ApplicationCommandOptionType.String,
				name: 'actor',
				description: 'Who, e.g. "russia", "eu", "lavrov"',
				required: true,
				autocomplete: true,
				max_length: 80,
			},
			{
				type: ApplicationCommandOptionType.String,
				name: 'topic',
				description: 'What, e.g. "peacekeepers"',
				required: true,
				autocomplete: true,
				max_length: 100,
			},
			date('since', 'Only statements on or after this day (YYYY-MM-DD)'),
			date('until', 'Only statements on or before this day (YYYY-MM-DD)'),
		],
	}),
	async execute(interaction, deps) {
		// First: the 3-second interaction deadline. withResponse gives the answer's message id, which keys its thread.
		const deferred = await acknowledgeFirst(interaction.client, () => interaction.deferReply({ withResponse: true }));
		if (!interaction.inGuild()) throw new UserError('Attaché works inside servers only.');
		const briefing = await answerStance(
			{
				actor: interaction.options.getString('actor', true),
				topic: interaction.options.getString('topic', true),
				since: interaction.options.getString('since'),
				until: interaction.options.getString('until'),
				guildId: interaction.guildId,
				userId: interaction.user.id,
			},
			deps,
		);
		await sendBriefing(interaction, briefing, deferred.resource?.message?.id ?? null, deps);
	},
	autocomplete: respondActorTopic,
	button: openFollowUpThread,
} satisfies Command;
