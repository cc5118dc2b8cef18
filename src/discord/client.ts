import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config.js';
import { NO_MENTIONS } from './payload.js';

/**
 * The discord.js Client for Attaché. `DISCORD_API_URL` redirects REST; the gateway address then comes
 * from that server's GET /gateway/bot, so the same bot runs against a fake Discord unchanged.
 * MESSAGE_CONTENT is privileged: without it the bot answers in threads only when mentioned.
 */
export function createClient(config: Config, rest: { globalRequestsPerSecond?: number } = {}): Client {
	const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
	if (config.discord.messageContentIntent) intents.push(GatewayIntentBits.MessageContent);
	const api = config.discord.apiUrl?.replace(/\/+$/, '');
	return new Client({
		intents,
		rest: { ...(api ? { api } : {}), ...rest },
		// A client-wide default, so even a reply we forget to mark cannot ping.
		allowedMentions: NO_MENTIONS,
		// Nothing reads cached messages (buttons and thread messages carry their own), and big answer
		// embeds kept in a per-channel cache only lengthen garbage-collection pauses.
		makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
	});
}
