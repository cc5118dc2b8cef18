import { acknowledgeFirst } from '../src/discord/acknowledge.js';
import { type Command, inGuilds } from '../src/discord/command.js';
import { renderSources } from '../src/discord/render-corpus.js';

/** /sources: outlets, article and statement counts, date range and newest item. */
export default {
	data: inGuilds({
		name: 'sources',
		description: 'What Attaché knows: outlets, counts, dates and the newest article',
	}),
	async execute(interaction, deps) {
		await acknowledgeFirst(interaction.client, () => interaction.deferReply());
		await interaction.editReply(renderSources(await deps.store.articles.stats()));
	},
} satisfies Command;
