import { pathToFileURL } from 'node:url';
import { REST, type RESTGetCurrentApplicationResult, Routes } from 'discord.js';
import { commands } from '../../commands/index.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { UserError } from '../errors.js';
import type { Command } from './command.js';

/** Where commands were registered: one guild (instant) or globally (Discord may take up to an hour). */
export type DeployResult = { count: number; scope: 'guild' | 'global'; guildId: string | null };

/**
 * Registers the command registry with Discord in one bulk PUT: to DISCORD_GUILD_ID when set (for
 * instant updates while developing), globally otherwise. Run by hand (`npm run deploy-commands`), never on boot.
 */
export async function deployCommands(config: Config, list: readonly Command[] = commands): Promise<DeployResult> {
	const { token, guildId } = config.discord;
	if (!token) throw new UserError('DISCORD_TOKEN is not set: commands are registered with the bot’s token.');
	const api = config.discord.apiUrl?.replace(/\/+$/, '');
	const rest = new REST(api ? { api } : {}).setToken(token);
	const applicationId =
		config.discord.applicationId ??
		((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
	const route = guildId
		? Routes.applicationGuildCommands(applicationId, guildId)
		: Routes.applicationCommands(applicationId);
	const registered = (await rest.put(route, { body: list.map((c) => c.data) })) as unknown[];
	return { count: registered.length, scope: guildId ? 'guild' : 'global', guildId: guildId ?? null };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const result = await deployCommands(loadConfig());
		const where = result.guildId
			? `in guild ${result.guildId}`
			: 'globally (Discord may take up to an hour to show them)';
		process.stdout.write(`Registered ${result.count} commands ${where}.\n`);
	} catch (err) {
		const known = err instanceof UserError || err instanceof ConfigError;
		process.stderr.write(`deploy-commands: ${known ? err.message : String((err as Error)?.stack ?? err)}\n`);
		process.exitCode = 1;
	}
}
