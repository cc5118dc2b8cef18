import { ApplicationCommandOptionType } from 'discord.js';
import { findQuotes } from '../src/answer/find-quotes.js';
import { acknowledgeFirst } from '../src/discord/acknowledge.js';
import { respondActorTopic } from '../src/discord/autocomplete.js';
import { type Command, inGuilds } from '../src/discord/command.js';
import { parsePageButtonId, renderQuotesPage } from '../src/discord/render-quotes.js';
import { UserError } from '../src/errors.js';

/** /quotes actor [topic] [speaker]: verbatim statements, newest first, paged with buttons. */
export default {
	data: inGuilds({
		name: 'quotes',
		description: 'An actor’s own statements, verbatim and newest first',
		options: [
			{
				type: ApplicationCommandOptionType.String,
				name: 'actor',
				description: 'Who, e.g. "china", "nato"',
				required: true,
				autocomplete: true,
				max_length: 80,
			},
			{
				type: ApplicationCommandOptionType.String,
				name: 'topic',
				description: 'Only on this topic',
				autocomplete: true,
				max_length: 100,
			},
			{
				type: ApplicationCommandOptionType.String,
				name: 'speaker',
				description: 'Only by this speaker, e.g. "Lavrov"',
				max_length: 80,
			},
		],
	}),
	async execute(interaction, deps) {
		await acknowledgeFirst(interaction.client, () => interaction.deferReply());
		const page = await findQuotes(
			{
				actor: interaction.options.getString('actor', true),
				topic: interaction.options.getString('topic'),
				speaker: interaction.options.getString('speaker'),
				page: 1,
			},
			deps,
		);
		await interaction.editReply(renderQuotesPage(page));
	},
	autocomplete: respondActorTopic,
	async button(interaction, deps) {
		const parsed = parsePageButtonId(interaction.customId);
		if (!parsed) throw new UserError('This button has expired. Run /quotes again.');
		await acknowledgeFirst(interaction.client, () => interaction.deferUpdate());
		const page = await findQuotes({ ...parsed.filter, page: parsed.page }, deps);
		await interaction.editReply(renderQuotesPage(page));
	},
} satisfies Command;
