import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	type APIChannel,
	type APIMessage,
	type APITextChannel,
	type APIThreadChannel,
	type APIUser,
	ApplicationCommandType,
	ComponentType,
	InteractionType,
} from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { FakeGateway, hostFor } from './gateway.js';
import {
	buildInteraction,
	type InteractionRecord,
	newRecord,
	type OptionValue,
	type RestRecord,
	readRestRecord,
	toOptions,
} from './interactions.js';
import * as p from './payloads.js';
import { routeRest } from './rest.js';

export type { InteractionRecord, RestRecord };

type Who = { user?: APIUser; permissions?: string; channelId?: string; guildId?: string };

/** A fake Discord (REST + gateway) on 127.0.0.1 that a real discord.js Client logs in to. */
export class FakeDiscord extends EventEmitter {
	readonly token: string;
	readonly heartbeatInterval: number;
	interactionDeadlineMs: number;
	readonly appId = p.snowflake();
	readonly botUser = p.user('attache', true);
	/** The guild owner: every permission. */
	readonly admin = p.user('alice');
	/** A plain member: no Manage Server. */
	readonly member = p.user('bob');
	readonly guildId = p.snowflake();
	readonly general: APITextChannel;
	readonly channels = new Map<string, APIChannel>();
	readonly messages = new Map<string, APIMessage>();
	readonly interactions = new Map<string, InteractionRecord>();
	/** Channels where the bot lacks access: posts there answer 403. */
	readonly forbidden = new Set<string>();
	readonly requests: RestRecord[] = [];
	gatewayUrl = '';
	apiBase = '';
	gateway!: FakeGateway;
	private server?: http.Server;

	/** False in benchmarks: keep no request log or message store, so the fake's own heap stays small. */
	readonly history: boolean;

	constructor(
		options: { token?: string; heartbeatInterval?: number; interactionDeadlineMs?: number; history?: boolean } = {},
	) {
		super();
		this.setMaxListeners(0);
		this.token = options.token ?? 'fake-token';
		this.heartbeatInterval = options.heartbeatInterval ?? 41_250;
		this.interactionDeadlineMs = options.interactionDeadlineMs ?? 3_000;
		this.history = options.history ?? true;
		this.botUser.id = this.appId;
		this.general = p.textChannel(this.guildId, 'general');
		this.channels.set(this.general.id, this.general);
	}

	/** Listens on 127.0.0.1 (port 0 by default); `apiBase` is what the bot's DISCORD_API_URL must be. */
	async start(port = 0): Promise<this> {
		const server = http.createServer((req, res) => void this.onRequest(req, res));
		this.server = server;
		this.gateway = new FakeGateway(hostFor(this), new WebSocketServer({ server, path: '/gateway' }));
		await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		const { port: bound } = server.address() as AddressInfo;
		this.apiBase = `http://127.0.0.1:${bound}/api`;
		this.gatewayUrl = `ws://127.0.0.1:${bound}/gateway`;
		return this;
	}

	/** Closes every socket and the server. Destroy the bot's Client first. */
	async stop(): Promise<void> {
		this.gateway.terminateAll();
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	/** Adds a text channel to the guild (sent in GUILD_CREATE on the next login). */
	addChannel(name: string): APITextChannel {
		const channel = p.textChannel(this.guildId, name);
		this.channels.set(channel.id, channel);
		return channel;
	}

	/** Records a message the fake created, so later edits and lookups find it. */
	store(msg: APIMessage): APIMessage {
		if (this.history) this.messages.set(msg.id, msg);
		return msg;
	}

	/** Real Discord echoes the bot's own channel posts back as MESSAGE_CREATE. */
	echo(msg: APIMessage): void {
		this.gateway.dispatch('MESSAGE_CREATE', { ...msg, guild_id: this.guildId, member: p.member(this.botUser) });
	}

	/** A user runs a slash command; `options` become string/integer/boolean options. */
	command(name: string, options: Record<string, OptionValue | undefined> = {}, who: Who = {}): InteractionRecord {
		return this.interact(InteractionType.ApplicationCommand, who, {
			id: this.commandId(name),
			name,
			type: ApplicationCommandType.ChatInput,
			guild_id: who.guildId ?? this.guildId,
			options: toOptions(options),
		});
	}

	/** A user types in option `focused` of a command; the bot must answer with choices. */
	autocomplete(name: string, options: Record<string, OptionValue | undefined>, focused: string): InteractionRecord {
		const opts = toOptions(options).map((o) => (o.name === focused ? { ...o, focused: true } : o));
		return this.interact(
			InteractionType.ApplicationCommandAutocomplete,
			{},
			{
				id: this.commandId(name),
				name,
				type: ApplicationCommandType.ChatInput,
				options: opts,
			},
		);
	}

	/** A user clicks the button `customId` on `message`. */
	clickButton(message: APIMessage, customId: string, who: Who = {}): InteractionRecord {
		const rec = this.interact(
			InteractionType.MessageComponent,
			{ ...who, channelId: message.channel_id },
			{ custom_id: customId, component_type: ComponentType.Button },
			message,
		);
		rec.original = message;
		return rec;
	}

	/** A user posts in a channel or thread; `mentionBot` makes Discord deliver content even without the intent. */
	userMessage(channelId: string, content: string, options: { mentionBot?: boolean; user?: APIUser } = {}): APIMessage {
		const author = options.user ?? this.admin;
		const text = options.mentionBot ? `<@${this.botUser.id}> ${content}` : content;
		const mentions = options.mentionBot ? [this.botUser] : [];
		const msg = this.store(p.message({ channel_id: channelId, author, content: text, mentions }));
		this.gateway.dispatchPerSocket('MESSAGE_CREATE', (intents) => ({
			...msg,
			guild_id: this.guildId,
			member: p.member(author),
			// Discord blanks content without the MESSAGE_CONTENT intent unless the app is mentioned.
			content: FakeGateway.hasContentIntent(intents) || options.mentionBot ? msg.content : '',
		}));
		return msg;
	}

	/** A moderator deletes a thread. */
	deleteThread(threadId: string): void {
		const t = this.channels.get(threadId) as APIThreadChannel | undefined;
		this.channels.delete(threadId);
		this.gateway.dispatch('THREAD_DELETE', { id: threadId, guild_id: this.guildId, parent_id: t?.parent_id, type: 11 });
	}

	/** The bot is removed from the guild. */
	removeFromGuild(): void {
		this.gateway.dispatch('GUILD_DELETE', { id: this.guildId });
	}

	/** Messages posted in a channel or thread, oldest first. */
	messagesIn(channelId: string): APIMessage[] {
		return [...this.messages.values()].filter((m) => m.channel_id === channelId);
	}

	/** Every REST call that carries a message body (content, embeds or components). */
	outgoingMessages(): RestRecord[] {
		return this.requests.filter((r) => {
			const b = r.body as { content?: unknown; embeds?: unknown; data?: { content?: unknown; embeds?: unknown } };
			return b !== null && typeof b === 'object' && ('content' in b || 'embeds' in b || !!b.data?.content);
		});
	}

	/** Resolves with the first REST call matching `pred` (already recorded or still to come). */
	waitForRequest(pred: (r: RestRecord) => boolean, timeoutMs = 15_000): Promise<RestRecord> {
		const hit = this.requests.find(pred);
		if (hit) return Promise.resolve(hit);
		return new Promise((resolve, reject) => {
			const on = (r: RestRecord) => {
				if (!pred(r)) return;
				clearTimeout(timer);
				this.off('request', on);
				resolve(r);
			};
			const timer = setTimeout(() => {
				this.off('request', on);
				reject(new Error('timed out waiting for a REST call'));
			}, timeoutMs);
			this.on('request', on);
		});
	}

	private readonly commandIds = new Map<string, string>();
	private commandId(name: string): string {
		return this.commandIds.get(name) ?? (this.commandIds.set(name, p.snowflake()).get(name) as string);
	}

	private interact(type: InteractionType, who: Who, data: unknown, message?: APIMessage): InteractionRecord {
		const channel = this.channels.get(who.channelId ?? this.general.id) ?? this.general;
		const interaction = buildInteraction({
			type,
			appId: this.appId,
			guildId: who.guildId ?? this.guildId,
			channel,
			user: who.user ?? this.admin,
			permissions: who.permissions,
			data,
			message,
		});
		const record = newRecord(interaction);
		this.interactions.set(interaction.token, record);
		record.dispatchedAt = this.gateway.dispatch('INTERACTION_CREATE', interaction);
		return record;
	}

	private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const rec = await readRestRecord(req);
		if (this.history) this.requests.push(rec);
		const reply = routeRest(this, rec);
		if (reply.body === undefined) res.writeHead(reply.status).end();
		else res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
		this.emit('request', rec);
	}
}
