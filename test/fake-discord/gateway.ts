import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
	type APITextChannel,
	type APIThreadChannel,
	type ApplicationFlags,
	ChannelType,
	type GatewayDispatchPayload,
	GatewayIntentBits,
	GatewayOpcodes,
	type GatewayReadyDispatchData,
	type GatewaySendPayload,
} from 'discord-api-types/v10';
import type { WebSocket, WebSocketServer } from 'ws';
import type { FakeDiscord } from './fake-discord.js';
import { guildCreate, member, snowflake } from './payloads.js';

/** One connected client, with what it sent in IDENTIFY. */
export type GatewaySocket = WebSocket & {
	identify?: { token: string; intents: number };
	query?: Record<string, string>;
};

/** What the gateway needs from the fake: its token, the bot, and the GUILD_CREATE to send after READY. */
export type GatewayHost = {
	token: string;
	appId: string;
	botUser: GatewayReadyDispatchData['user'];
	guildIds(): string[];
	guildCreate(guildId: string): unknown;
	gatewayUrl(): string;
	heartbeatInterval: number;
	onIdentify(): void;
};

/** A fake Discord gateway: HELLO, heartbeat ACK, IDENTIFY → READY + GUILD_CREATE, RESUME, dispatches. */
export class FakeGateway {
	readonly sockets = new Set<GatewaySocket>();
	readonly received: { t: number; op: number }[] = [];
	private readonly sessions = new Map<string, { token: string; intents: number }>();
	private seq = 0;

	constructor(
		private readonly host: GatewayHost,
		wss: WebSocketServer,
	) {
		wss.on('connection', (ws: GatewaySocket, req: IncomingMessage) => this.onConnection(ws, req));
	}

	/** Sends a dispatch to every identified connection; returns the time taken just before sending. */
	dispatch(t: `${GatewayDispatchPayload['t']}`, d: unknown): number {
		const at = performance.now();
		for (const ws of this.sockets) if (ws.identify) this.send(ws, { op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d });
		return at;
	}

	/** Dispatch to each identified socket a payload that depends on its intents (MESSAGE_CONTENT blanking). */
	dispatchPerSocket(t: `${GatewayDispatchPayload['t']}`, build: (intents: number) => unknown): void {
		for (const ws of this.sockets) {
			if (ws.identify) this.send(ws, { op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d: build(ws.identify.intents) });
		}
	}

	/** True when some connected client asked for the privileged MESSAGE_CONTENT intent. */
	static hasContentIntent(intents: number): boolean {
		return (intents & GatewayIntentBits.MessageContent) !== 0;
	}

	/** Drops every connection abruptly (close code 1006), as a network failure would. */
	terminateAll(): void {
		for (const ws of this.sockets) ws.terminate();
	}

	private onConnection(ws: GatewaySocket, req: IncomingMessage): void {
		ws.query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
		this.sockets.add(ws);
		ws.on('close', () => this.sockets.delete(ws));
		ws.on('message', (raw) => this.onMessage(ws, JSON.parse(raw.toString()) as GatewaySendPayload));
		this.send(ws, {
			op: GatewayOpcodes.Hello,
			d: { heartbeat_interval: this.host.heartbeatInterval },
			s: null,
			t: null,
		});
	}

	private send(ws: GatewaySocket, payload: object): void {
		ws.send(JSON.stringify(payload));
	}

	private onMessage(ws: GatewaySocket, msg: GatewaySendPayload): void {
		this.received.push({ t: performance.now(), op: msg.op });
		if (msg.op === GatewayOpcodes.Heartbeat) {
			this.send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
		} else if (msg.op === GatewayOpcodes.Identify) {
			if (msg.d.token !== this.host.token) {
				ws.close(4004, 'Authentication failed');
				return;
			}
			ws.identify = { token: msg.d.token, intents: Number(msg.d.intents) };
			const sessionId = snowflake();
			this.sessions.set(sessionId, ws.identify);
			const ready = {
				v: 10,
				user: this.host.botUser,
				guilds: this.host.guildIds().map((id) => ({ id, unavailable: true })),
				session_id: sessionId,
				resume_gateway_url: this.host.gatewayUrl(),
				shard: [0, 1],
				application: { id: this.host.appId, flags: 0 as ApplicationFlags, flags_new: '0' },
			} satisfies GatewayReadyDispatchData;
			this.send(ws, { op: GatewayOpcodes.Dispatch, t: 'READY', s: ++this.seq, d: ready });
			// discord.js waits for one GUILD_CREATE per guild in READY before 'clientReady'.
			for (const id of this.host.guildIds()) {
				this.send(ws, { op: GatewayOpcodes.Dispatch, t: 'GUILD_CREATE', s: ++this.seq, d: this.host.guildCreate(id) });
			}
			this.host.onIdentify();
		} else if (msg.op === GatewayOpcodes.Resume) {
			const prior = this.sessions.get(msg.d.session_id);
			if (!prior || msg.d.token !== this.host.token) {
				this.send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
				return;
			}
			ws.identify = prior;
			this.send(ws, { op: GatewayOpcodes.Dispatch, t: 'RESUMED', s: ++this.seq, d: {} });
		}
	}
}

/** The gateway's view of a fake: its identity, and the guild it sends in GUILD_CREATE (channels, active threads, members). */
export function hostFor(fake: FakeDiscord): GatewayHost {
	const channels = () => [...fake.channels.values()];
	return {
		token: fake.token,
		appId: fake.appId,
		botUser: fake.botUser,
		heartbeatInterval: fake.heartbeatInterval,
		gatewayUrl: () => fake.gatewayUrl,
		guildIds: () => [fake.guildId],
		guildCreate: () =>
			guildCreate({
				id: fake.guildId,
				ownerId: fake.admin.id,
				channels: channels().filter((c): c is APITextChannel => c.type === ChannelType.GuildText),
				threads: channels().filter((c): c is APIThreadChannel => c.type === ChannelType.PublicThread),
				members: [fake.botUser, fake.admin, fake.member].map(member),
			}),
		onIdentify: () => fake.emit('identify'),
	};
}
