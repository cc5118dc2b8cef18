import { MessageFlags } from 'discord.js';
import { type Command, inGuilds } from '../src/discord/command.js';
import { renderHelp } from '../src/discord/render-corpus.js';

/** /help: what the bot does and how to ask (ephemeral). */
export default {
	data: inGuilds({
		name: 'help',
		description: 'What Attaché does and how to ask it',
	}),
	async execute(interaction, deps) {
		const { messageContentIntent, threadMaxTurns } = deps.config.discord;
		await interaction.reply({
			...renderHelp({ messageContentIntent, maxTurns: threadMaxTurns }),
			flags: MessageFlags.Ephemeral,
		});
	},
} satisfies Command;
