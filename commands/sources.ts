import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { acknowledgeFirst } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { renderSources } from '../src/discord/render-corpus.js';

/** /sources: outlets, article and statement counts, date range and newest item. */
export default {
	data: {
		name: 'sources',
		description: 'What Attaché knows: outlets, counts, dates and the newest article',
		contexts: [InteractionContextType.Guild],
		integration_types: [ApplicationIntegrationType.GuildInstall],
	},
	async execute(interaction, deps) {
		await acknowledgeFirst(interaction.client, () => interaction.deferReply());
		await interaction.editReply(renderSources(await deps.store.articles.stats()));
	},
} satisfies Command;
