import {
	ApplicationIntegrationType,
	type AutocompleteInteraction,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	InteractionContextType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Deps } from '../deps.js';

/**
 * A slash command: its registration data and thin handlers. Buttons whose custom id starts with
 * `<data.name>:` are routed to `button`, so a command owns the components it renders.
 */
export type Command = {
	data: RESTPostAPIChatInputApplicationCommandsJSONBody;
	execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void>;
	autocomplete?(interaction: AutocompleteInteraction, deps: Deps): Promise<void>;
	button?(interaction: ButtonInteraction, deps: Deps): Promise<void>;
};

/** Registration data for a command offered in servers only (never in DMs), as every Attaché command is. */
export function inGuilds(
	data: RESTPostAPIChatInputApplicationCommandsJSONBody,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
	return {
		...data,
		contexts: [InteractionContextType.Guild],
		integration_types: [ApplicationIntegrationType.GuildInstall],
	};
}
