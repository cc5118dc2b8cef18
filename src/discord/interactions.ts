import { type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Deps } from '../deps.js';
import { UserError } from '../errors.js';
import type { Command } from './command.js';
import { NO_MENTIONS } from './payload.js';

/** The one sentence users see for a bug; the details go to the log. */
export const GENERIC_ERROR = 'Something went wrong on our side. It has been logged; please try again in a moment.';

/** Looks commands up by name for the dispatcher. */
export function commandMap(commands: readonly Command[]): ReadonlyMap<string, Command> {
	return new Map(commands.map((c) => [c.data.name, c]));
}

/**
 * Routes one interaction to its command (slash command, autocomplete or button) and is the only
 * place that decides what users see on failure: a UserError's own text, ephemeral; anything else
 * is logged with the interaction's ids and answered with one generic ephemeral sentence.
 */
export async function handleInteraction(
	interaction: Interaction,
	commands: ReadonlyMap<string, Command>,
	deps: Deps,
): Promise<void> {
	const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null;
	const route = interaction.isButton() ? interaction.customId.split(':')[0] : name;
	const log = deps.log.child({
		interactionId: interaction.id,
		command: route,
		guildId: interaction.guildId,
		channelId: interaction.channelId,
		userId: interaction.user.id,
	});
	const scoped: Deps = { ...deps, log };
	try {
		const command = route ? commands.get(route) : undefined;
		if (interaction.isAutocomplete()) {
			if (command?.autocomplete && allowedHere(interaction, deps)) await command.autocomplete(interaction, scoped);
			else await interaction.respond([]);
			return;
		}
		if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
		if (!interaction.inGuild()) throw new UserError('Attaché works inside servers only.');
		if (!allowedHere(interaction, deps)) throw new UserError('Attaché is not enabled in this server.');
		if (interaction.isChatInputCommand()) {
			if (!command) throw new UserError('This command is no longer available. Ask an admin to redeploy commands.');
			await command.execute(interaction, scoped);
		} else if (command?.button) {
			await command.button(interaction, scoped);
		} else {
			throw new UserError('This button has expired.');
		}
	} catch (err) {
		if (interaction.isAutocomplete()) {
			log.error({ err }, 'autocomplete failed');
			if (!interaction.responded) await interaction.respond([]).catch(() => {});
			return;
		}
		if (!interaction.isRepliable()) return;
		const userFacing = err instanceof UserError;
		if (!userFacing) log.error({ err }, 'interaction failed');
		else log.info({ reason: err.message }, 'interaction refused');
		await showError(interaction, userFacing ? err.message : GENERIC_ERROR).catch((showErr: unknown) =>
			log.warn({ err: showErr }, 'could not show the error to the user'),
		);
	}
}

function allowedHere(interaction: Interaction, deps: Deps): boolean {
	const allowlist = deps.config.discord.guildAllowlist;
	return allowlist.length === 0 || (interaction.guildId !== null && allowlist.includes(interaction.guildId));
}

/** Shows `text` to the invoking user only, whatever state the interaction is in. */
async function showError(interaction: RepliableInteraction, text: string): Promise<void> {
	const payload = { content: text, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
	if (!interaction.deferred && !interaction.replied) {
		await interaction.reply(payload);
	} else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
		await interaction.editReply({ content: text, allowedMentions: NO_MENTIONS });
	} else if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
		// A public "thinking…" placeholder cannot turn ephemeral: remove it, then answer privately.
		await interaction.deleteReply();
		await interaction.followUp(payload);
	} else {
		await interaction.followUp(payload);
	}
}
