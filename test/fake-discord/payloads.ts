import {
	type APIGuildMember,
	type APIInteractionGuildMember,
	type APIMessage,
	type APITextChannel,
	type APIThreadChannel,
	type APIUser,
	ChannelType,
	type GatewayGuildCreateDispatchData,
	GuildDefaultMessageNotifications,
	GuildExplicitContentFilter,
	type GuildMemberFlags,
	GuildMFALevel,
	GuildNSFWLevel,
	GuildPremiumTier,
	GuildSystemChannelFlags,
	GuildVerificationLevel,
	Locale,
	MessageType,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

/** A real-looking snowflake: @discordjs/rest buckets routes with /\d{17,19}/ and discord.js reads timestamps from ids. */
export function snowflake(): string {
	counter = (counter + 1n) & 0xfffn;
	return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter).toString();
}

/** Every permission bit an administrator-like member has in the fake guild. */
export const ALL_PERMISSIONS = '2248473465835073';
/** Permissions of a plain member: view, send, read history, use application commands, no Manage Server. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n) | (1n << 38n));

/** A user object. */
export function user(username: string, bot = false): APIUser {
	return { id: snowflake(), username, discriminator: '0', global_name: null, avatar: null, bot };
}

/** A guild member as GUILD_CREATE lists it. */
export function member(u: APIUser): APIGuildMember {
	const now = new Date().toISOString();
	return {
		user: u,
		nick: null,
		avatar: null,
		roles: [],
		joined_at: now,
		deaf: false,
		mute: false,
		flags: 0 as GuildMemberFlags,
	};
}

/** A guild member as an interaction carries it (with its resolved permissions). */
export function interactionMember(u: APIUser, permissions: string): APIInteractionGuildMember {
	return { ...member(u), permissions } as APIInteractionGuildMember;
}

/** A text channel in the guild. */
export function textChannel(guildId: string, name: string): APITextChannel {
	return {
		id: snowflake(),
		type: ChannelType.GuildText,
		guild_id: guildId,
		name,
		position: 0,
		parent_id: null,
		permission_overwrites: [],
		nsfw: false,
		topic: null,
		last_message_id: null,
		rate_limit_per_user: 0,
	};
}

/** A public thread started from message `messageId` (Discord gives it the message's id). */
export function thread(parent: APITextChannel, messageId: string, name: string, ownerId: string): APIThreadChannel {
	const now = new Date().toISOString();
	return {
		id: messageId,
		type: ChannelType.PublicThread,
		guild_id: parent.guild_id ?? '',
		parent_id: parent.id,
		name,
		owner_id: ownerId,
		last_message_id: null,
		rate_limit_per_user: 0,
		message_count: 0,
		member_count: 1,
		total_message_sent: 0,
		thread_metadata: {
			archived: false,
			auto_archive_duration: 1440,
			archive_timestamp: now,
			locked: false,
			create_timestamp: now,
		},
	};
}

/** A message as Discord returns it; `over` supplies channel, author and content. */
export function message(over: Partial<APIMessage> & Pick<APIMessage, 'channel_id' | 'author'>): APIMessage {
	return {
		id: snowflake(),
		type: MessageType.Default,
		content: '',
		attachments: [],
		embeds: [],
		mentions: [],
		mention_roles: [],
		mention_everyone: false,
		pinned: false,
		tts: false,
		timestamp: new Date().toISOString(),
		edited_timestamp: null,
		components: [],
		...over,
	};
}

/** The GUILD_CREATE payload that fills discord.js's caches (channels, active threads, members). */
export function guildCreate(input: {
	id: string;
	ownerId: string;
	channels: APITextChannel[];
	threads: APIThreadChannel[];
	members: APIGuildMember[];
}): GatewayGuildCreateDispatchData {
	const everyone = {
		id: input.id,
		name: '@everyone',
		color: 0,
		colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
		hoist: false,
		icon: null,
		unicode_emoji: null,
		position: 0,
		permissions: ALL_PERMISSIONS,
		managed: false,
		mentionable: false,
		flags: 0,
	};
	return {
		id: input.id,
		name: 'Fake Guild',
		icon: null,
		splash: null,
		discovery_splash: null,
		banner: null,
		description: null,
		owner_id: input.ownerId,
		afk_channel_id: null,
		afk_timeout: 300,
		verification_level: GuildVerificationLevel.None,
		default_message_notifications: GuildDefaultMessageNotifications.AllMessages,
		explicit_content_filter: GuildExplicitContentFilter.Disabled,
		mfa_level: GuildMFALevel.None,
		nsfw_level: GuildNSFWLevel.Default,
		premium_tier: GuildPremiumTier.None,
		premium_subscription_count: 0,
		premium_progress_bar_enabled: false,
		system_channel_id: null,
		system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
		rules_channel_id: null,
		public_updates_channel_id: null,
		safety_alerts_channel_id: null,
		vanity_url_code: null,
		preferred_locale: Locale.EnglishUS,
		features: [],
		roles: [everyone],
		emojis: [],
		stickers: [],
		application_id: null,
		max_members: 500000,
		max_video_channel_users: 25,
		max_stage_video_channel_users: 50,
		hub_type: null,
		incidents_data: null,
		region: 'en-US',
		joined_at: new Date().toISOString(),
		large: false,
		unavailable: false,
		member_count: input.members.length,
		voice_states: [],
		presences: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
		channels: input.channels,
		threads: input.threads,
		members: input.members,
	};
}
