import type { APIMessage, APIThreadChannel } from 'discord-api-types/v10';
import { InteractionResponseType, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { FakeDiscord, RestRecord } from './fake-discord.js';
import { message, snowflake, thread } from './payloads.js';

/** What a route answers: a status and an optional JSON body. */
export type RestReply = { status: number; body?: unknown };

const err = (status: number, code: number, text: string): RestReply => ({ status, body: { message: text, code } });
const ok = (body: unknown, status = 200): RestReply => ({ status, body });
const LOADING = 1 << 7;

/** Routes one recorded REST call the way Discord would answer it (the subset discord.js uses for us). */
export function routeRest(fake: FakeDiscord, rec: RestRecord): RestReply {
	const { method, path } = rec;
	let m: RegExpExecArray | null;
	if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
		if (path === '/gateway/bot' && rec.auth !== `Bot ${fake.token}`) return err(401, 0, '401: Unauthorized');
		return ok({
			url: fake.gatewayUrl, // no query string: @discordjs/ws appends ?v=10&encoding=json
			shards: 1,
			session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 },
		});
	}
	m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
	if (m && method === 'POST') return callback(fake, rec, m[1] ?? '', m[2] ?? '');
	m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path);
	if (m) return webhookMessage(fake, rec, m[2] ?? '', m[3] ?? '');
	m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path);
	if (m && method === 'POST') {
		const ir = fake.interactions.get(m[2] ?? '');
		if (m[1] !== fake.appId || !ir) return err(404, 10015, 'Unknown Webhook');
		// Interaction webhooks work whatever the bot's channel permissions, as on Discord.
		const channelId = ir.interaction.channel?.id ?? '';
		const msg = fake.store(message({ ...messageBody(rec.body), channel_id: channelId, author: fake.botUser }));
		ir.followUps.push(msg);
		return ok(msg);
	}
	if (rec.auth !== `Bot ${fake.token}`) return err(401, 0, '401: Unauthorized');
	m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
	if (m && method === 'POST') return startThread(fake, rec, m[1] ?? '', m[2] ?? '');
	m = /^\/channels\/(\d+)\/messages$/.exec(path);
	if (m && method === 'POST') {
		const channelId = m[1] ?? '';
		if (!fake.channels.has(channelId)) return err(404, 10003, 'Unknown Channel');
		if (fake.forbidden.has(channelId)) return err(403, 50013, 'Missing Permissions');
		const msg = fake.store(message({ ...messageBody(rec.body), channel_id: channelId, author: fake.botUser }));
		fake.echo(msg);
		return ok(msg);
	}
	m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
	if (m) {
		const target = fake.messages.get(m[2] ?? '');
		if (!target || target.channel_id !== m[1]) return err(404, 10008, 'Unknown Message');
		if (method === 'GET') return ok(target);
		if (method === 'PATCH') return ok(Object.assign(target, messageBody(rec.body)));
	}
	m = /^\/channels\/(\d+)$/.exec(path);
	if (m && method === 'GET') {
		const channel = fake.channels.get(m[1] ?? '');
		return channel ? ok(channel) : err(404, 10003, 'Unknown Channel');
	}
	if (path === '/applications/@me' && method === 'GET') {
		return ok({ id: fake.appId, name: fake.botUser.username, description: '', bot_public: true, flags: 0 });
	}
	if (/^\/applications\/(\d+)\/(guilds\/\d+\/)?commands$/.test(path) && method === 'PUT') {
		const list = Array.isArray(rec.body) ? (rec.body as object[]) : [];
		return ok(list.map((c) => ({ id: snowflake(), application_id: fake.appId, version: snowflake(), ...c })));
	}
	fake.emit('unhandled', rec);
	return err(404, 0, '404: Not Found');
}

function callback(fake: FakeDiscord, rec: RestRecord, id: string, token: string): RestReply {
	const ir = fake.interactions.get(token);
	if (!ir || ir.interaction.id !== id) return err(404, 10062, 'Unknown interaction');
	if (ir.callbackAt !== null) return err(400, 40060, 'Interaction has already been acknowledged.');
	if (rec.t - ir.dispatchedAt > fake.interactionDeadlineMs) {
		ir.late = rec.t - ir.dispatchedAt;
		fake.emit('late', ir);
		return err(404, 10062, 'Unknown interaction'); // what Discord answers after 3 s
	}
	const body = rec.body as { type: InteractionResponseType; data?: Record<string, unknown> };
	ir.callbackAt = rec.t;
	ir.callback = body;
	const channelId = ir.interaction.channel?.id ?? '';
	const base = { channel_id: channelId, author: fake.botUser, webhook_id: fake.appId, application_id: fake.appId };
	if (body.type === InteractionResponseType.ChannelMessageWithSource) {
		ir.original = fake.store(message({ ...messageBody(body.data), ...base, type: MessageType.ChatInputCommand }));
	} else if (body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
		const flags = LOADING | (Number(body.data?.flags ?? 0) & MessageFlags.Ephemeral);
		ir.original = fake.store(message({ ...base, flags, type: MessageType.ChatInputCommand }));
	} else if (body.type === InteractionResponseType.UpdateMessage && ir.original) {
		Object.assign(ir.original, messageBody(body.data));
	}
	ir.resolveAcked(ir);
	fake.emit('callback', ir);
	if (rec.query.with_response !== 'true') return { status: 204 };
	return ok({
		interaction: {
			id: ir.interaction.id,
			type: ir.interaction.type,
			activity_instance_id: null,
			response_message_id: ir.original?.id ?? null,
			response_message_loading: body.type === InteractionResponseType.DeferredChannelMessageWithSource,
			response_message_ephemeral: hasFlag(body.data, MessageFlags.Ephemeral),
		},
		resource: { type: body.type, ...(ir.original ? { message: ir.original } : {}) },
	});
}

function webhookMessage(fake: FakeDiscord, rec: RestRecord, token: string, which: string): RestReply {
	const ir = fake.interactions.get(token);
	if (!ir) return err(404, 10015, 'Unknown Webhook');
	const target = which === '@original' ? ir.original : fake.messages.get(which);
	if (!target) return err(404, 10008, 'Unknown Message');
	if (rec.method === 'GET') return ok(target);
	if (rec.method === 'DELETE') {
		fake.messages.delete(target.id);
		if (which === '@original') ir.original = null;
		return { status: 204 };
	}
	if (rec.method !== 'PATCH') return err(405, 0, '405: Method Not Allowed');
	const flags = ((messageBody(rec.body).flags as number | undefined) ?? target.flags ?? 0) & ~LOADING;
	Object.assign(target, messageBody(rec.body), { flags, edited_timestamp: new Date().toISOString() });
	if (which === '@original' && ir.editAt === null) {
		ir.editAt = rec.t;
		ir.resolveEdited(ir);
	}
	return ok(target);
}

function startThread(fake: FakeDiscord, rec: RestRecord, channelId: string, messageId: string): RestReply {
	const parent = fake.channels.get(channelId);
	if (!parent || !('guild_id' in parent) || parent.type !== 0) return err(404, 10003, 'Unknown Channel');
	if (fake.forbidden.has(channelId)) return err(403, 50001, 'Missing Access');
	if (fake.channels.has(messageId)) return err(400, 160004, 'A thread has already been created for this message');
	const name = String((rec.body as { name?: string } | null)?.name ?? 'thread');
	const created: APIThreadChannel = thread(parent, messageId, name, fake.botUser.id);
	fake.channels.set(created.id, created);
	fake.gateway.dispatch('THREAD_CREATE', { ...created, newly_created: true });
	fake.emit('thread', created);
	return ok(created, 201);
}

function hasFlag(body: unknown, flag: number): boolean {
	return ((Number((body as { flags?: number } | null)?.flags ?? 0) & flag) as number) !== 0;
}

/** The message fields of a request body (discord.js also sends non-message keys such as `thread_name`). */
function messageBody(body: unknown): Partial<APIMessage> {
	const { allowed_mentions: _a, attachments: _b, ...rest } = (body ?? {}) as Record<string, unknown>;
	return rest as Partial<APIMessage>;
}
