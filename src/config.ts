import { existsSync } from 'node:fs';
import { z } from 'zod';

const optionalString = z
	.string()
	.trim()
	.transform((s) => (s === '' ? undefined : s))
	.optional();
const flag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no', ''])
	.optional()
	.transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const idList = z
	.string()
	.optional()
	.transform((v) =>
		(v ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
	)
	.pipe(z.array(z.string().regex(/^\d{15,22}$/, 'must be a comma-separated list of Discord snowflake ids')));

const databaseUrl = z
	.string()
	.trim()
	.optional()
	.transform((v) => (v ? v : 'file:./data/attache'))
	.refine((v) => /^(file:.+|memory:|postgres(ql)?:\/\/.+)$/.test(v), {
		message: 'must be file:PATH (embedded PGlite folder), memory:, or postgres://user@host/db',
	});

const EnvSchema = z.object({
	DATABASE_URL: databaseUrl,
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

	ANTHROPIC_API_KEY: optionalString,
	ANTHROPIC_BASE_URL: z
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	ANTHROPIC_MODEL: z.string().trim().min(1).default('claude-haiku-5-5'),
	ANTHROPIC_MODEL_STRONG: z.string().trim().min(1).default('claude-sonnet-5-5'),
	LLM_TIMEOUT_MS: positiveInt(30_000),
	LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
	LLM_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(2_000_000),
	RATE_LIMIT_USER_PER_MINUTE: positiveInt(6),
	RATE_LIMIT_GUILD_PER_MINUTE: positiveInt(30),
	EXTRACTOR: z.enum(['rules', 'claude', 'auto']).default('auto'),

	DISCORD_TOKEN: optionalString,
	DISCORD_APPLICATION_ID: optionalString,
	DISCORD_GUILD_ID: optionalString,
	DISCORD_API_URL: z
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	DISCORD_MESSAGE_CONTENT_INTENT: flag,
	GUILD_ALLOWLIST: idList,
	INGEST_GUILD_ALLOWLIST: idList,
	THREAD_MAX_TURNS: positiveInt(12),
	THREAD_RETENTION_DAYS: positiveInt(30),
	THREAD_DEBOUNCE_MS: z.coerce.number().int().min(0).default(1_500),

	INGEST_ALLOW_PRIVATE_URLS: flag,
	INGEST_MAX_BYTES: positiveInt(5_000_000),
	INGEST_TIMEOUT_MS: positiveInt(15_000),
	FEED_POLL_MINUTES: positiveInt(15),
});

/** The environment variables Attaché reads, validated; `.env.example` documents each one. */
export type Env = z.input<typeof EnvSchema>;

/** Every variable name the schema knows, so a test can hold `.env.example` to it. */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

function toConfig(env: z.infer<typeof EnvSchema>) {
	return {
		databaseUrl: env.DATABASE_URL,
		logLevel: env.LOG_LEVEL,
		anthropic: {
			apiKey: env.ANTHROPIC_API_KEY,
			baseURL: env.ANTHROPIC_BASE_URL,
			model: env.ANTHROPIC_MODEL,
			strongModel: env.ANTHROPIC_MODEL_STRONG,
			timeoutMs: env.LLM_TIMEOUT_MS,
			maxRetries: env.LLM_MAX_RETRIES,
			dailyTokenBudget: env.LLM_DAILY_TOKEN_BUDGET,
			userPerMinute: env.RATE_LIMIT_USER_PER_MINUTE,
			guildPerMinute: env.RATE_LIMIT_GUILD_PER_MINUTE,
		},
		extractor: env.EXTRACTOR,
		discord: {
			token: env.DISCORD_TOKEN,
			applicationId: env.DISCORD_APPLICATION_ID,
			guildId: env.DISCORD_GUILD_ID,
			apiUrl: env.DISCORD_API_URL,
			messageContentIntent: env.DISCORD_MESSAGE_CONTENT_INTENT,
			guildAllowlist: env.GUILD_ALLOWLIST,
			ingestGuildAllowlist: env.INGEST_GUILD_ALLOWLIST,
			threadMaxTurns: env.THREAD_MAX_TURNS,
			threadRetentionDays: env.THREAD_RETENTION_DAYS,
			threadDebounceMs: env.THREAD_DEBOUNCE_MS,
		},
		ingest: {
			allowPrivateUrls: env.INGEST_ALLOW_PRIVATE_URLS,
			maxBytes: env.INGEST_MAX_BYTES,
			timeoutMs: env.INGEST_TIMEOUT_MS,
			feedPollMinutes: env.FEED_POLL_MINUTES,
		},
	};
}

/** Typed, validated configuration; built once in the composition root and passed down. */
export type Config = ReturnType<typeof toConfig>;

/** Raised when the environment is invalid; its message names every bad variable at once. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Validates an environment (a literal object in tests) into a Config, or throws one readable ConfigError. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const result = EnvSchema.safeParse(env);
	if (!result.success) {
		const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
		throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}\nSee .env.example for every variable.`);
	}
	return toConfig(result.data);
}

/**
 * Reads `.env` when present (never required), then validates process.env. The only reader of process.env.
 * `defaults` apply where the environment is silent; `overrides` win over it.
 */
export function loadConfig(
	overrides: Record<string, string | undefined> = {},
	defaults: Record<string, string | undefined> = {},
): Config {
	if (existsSync('.env')) process.loadEnvFile('.env');
	return parseConfig({ ...defaults, ...process.env, ...overrides });
}
