import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
	type APIApplicationCommandInteractionDataOption,
	type APIChannel,
	type APIInteraction,
	type APIMessage,
	type APIUser,
	ApplicationCommandOptionType,
	InteractionContextType,
	type InteractionType,
	Locale,
} from 'discord-api-types/v10';
import { ALL_PERMISSIONS, interactionMember, snowflake } from './payloads.js';

/** One REST call the bot made, as the fake received it. */
export type RestRecord = {
	t: number;
	method: string;
	path: string;
	query: Record<string, string>;
	auth: string | null;
	body: unknown;
};

/** One interaction the fake dispatched, with the bot's answers as they arrive. */
export type InteractionRecord = {
	interaction: APIInteraction;
	dispatchedAt: number;
	callbackAt: number | null;
	callback: { type: number; data?: Record<string, unknown> } | null;
	original: APIMessage | null;
	editAt: number | null;
	late?: number;
	followUps: APIMessage[];
	/** Resolves when the callback POST arrives (defer, reply, autocomplete result...). */
	acked: Promise<InteractionRecord>;
	/** Resolves at the first PATCH of @original. */
	edited: Promise<InteractionRecord>;
	resolveAcked: (r: InteractionRecord) => void;
	resolveEdited: (r: InteractionRecord) => void;
};

/** A slash-command option value as a test writes it. */
export type OptionValue = string | number | boolean;

/** Turns `{ actor: 'Russia', limit: 5 }` into typed command options. */
export function toOptions(
	options: Record<string, OptionValue | undefined>,
): APIApplicationCommandInteractionDataOption[] {
	return Object.entries(options)
		.filter((e): e is [string, OptionValue] => e[1] !== undefined)
		.map(([name, value]) => {
			if (typeof value === 'number') return { name, type: ApplicationCommandOptionType.Integer, value };
			if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
			return { name, type: ApplicationCommandOptionType.String, value };
		});
}

/** An interaction payload with every field discord.js dereferences without a guard. */
export function buildInteraction(input: {
	type: InteractionType;
	appId: string;
	guildId: string;
	channel: APIChannel;
	user: APIUser;
	permissions: string | undefined;
	data: unknown;
	message: APIMessage | undefined;
}): APIInteraction {
	const id = snowflake();
	return {
		id,
		application_id: input.appId,
		type: input.type,
		token: `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}`,
		version: 1,
		data: input.data,
		guild_id: input.guildId,
		guild: { id: input.guildId, locale: Locale.EnglishUS, features: [] },
		channel_id: input.channel.id,
		// discord.js reads interaction.channelId from `channel.id`, not `channel_id`.
		channel: { ...input.channel },
		member: interactionMember(input.user, input.permissions ?? ALL_PERMISSIONS),
		app_permissions: ALL_PERMISSIONS,
		locale: Locale.EnglishUS,
		guild_locale: Locale.EnglishUS,
		entitlements: [], // discord.js calls .reduce on it
		authorizing_integration_owners: { 0: input.guildId }, // discord.js indexes into it
		context: InteractionContextType.Guild,
		attachment_size_limit: 10 * 1024 * 1024,
		...(input.message ? { message: input.message } : {}),
	} as APIInteraction;
}

/** A fresh record whose promises resolve when the bot acknowledges and first edits the reply. */
export function newRecord(interaction: APIInteraction): InteractionRecord {
	const record = {
		interaction,
		dispatchedAt: 0,
		callbackAt: null,
		callback: null,
		original: null,
		editAt: null,
		followUps: [],
	} as unknown as InteractionRecord;
	record.acked = new Promise((r) => {
		record.resolveAcked = r;
	});
	record.edited = new Promise((r) => {
		record.resolveEdited = r;
	});
	return record;
}

/** Reads one HTTP request into a RestRecord; `t` is taken when the headers arrive, before the body. */
export async function readRestRecord(req: IncomingMessage): Promise<RestRecord> {
	const t = performance.now();
	const url = new URL(req.url ?? '/', 'http://x');
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const raw = Buffer.concat(chunks).toString();
	const ctype = req.headers['content-type'] ?? '';
	let body: unknown = null;
	if (raw && ctype.startsWith('application/json')) body = JSON.parse(raw);
	else if (raw && ctype.startsWith('multipart/form-data')) {
		// discord.js switches to multipart when files are attached; the message is in payload_json.
		const m = /name="payload_json"\r\n(?:Content-Type: [^\r\n]+\r\n)?\r\n([\s\S]*?)\r\n--/.exec(raw);
		body = m?.[1] ? JSON.parse(m[1]) : { multipart: true };
	}
	// discord.js percent-encodes each path segment ('@original' arrives as '%40original').
	const path = url.pathname
		.replace(/^\/api\/v\d+/, '')
		.split('/')
		.map(decodeURIComponent)
		.join('/');
	const query = Object.fromEntries(url.searchParams);
	return { t, method: req.method ?? 'GET', path, query, auth: req.headers.authorization ?? null, body };
}
