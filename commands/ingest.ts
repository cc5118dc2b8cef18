import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { acknowledgeFirst } from '../src/discord/acknowledge.js';
import { type Command, inGuilds } from '../src/discord/command.js';
import { renderIngest } from '../src/discord/render-corpus.js';
import { UserError } from '../src/errors.js';
import { ingestUrl } from '../src/ingest/ingest.js';
import { redactCredentials } from '../src/ingest/url.js';

/** /ingest url: adds an article or feed to the deployment's shared corpus (Manage Server by default). */
export default {
	data: inGuilds({
		name: 'ingest',
		description: 'Add a news article (or an RSS/Atom feed) to what Attaché knows',
		options: [
			{
				type: ApplicationCommandOptionType.String,
				name: 'url',
				description: 'The article or feed address (http or https)',
				required: true,
				max_length: 2000,
			},
		],
		// Server admins can re-grant this per role in Server Settings → Integrations.
		default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
	}),
	async execute(interaction, deps) {
		const allowlist = deps.config.discord.ingestGuildAllowlist;
		if (allowlist.length > 0 && !allowlist.includes(interaction.guildId ?? '')) {
			throw new UserError('Adding articles is not enabled in this server; the corpus is managed elsewhere.');
		}
		await acknowledgeFirst(interaction.client, () => interaction.deferReply());
		const url = interaction.options.getString('url', true).trim();
		const results = await ingestUrl(url, deps, interaction.user.id);
		deps.log.info(
			{ url: redactCredentials(url), articles: results.length, ok: results.filter((r) => r.ok).length },
			'ingest from discord',
		);
		await interaction.editReply(renderIngest(url, results));
	},
} satisfies Command;
