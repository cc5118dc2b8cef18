import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
	it('runs with an empty environment: embedded database, offline, no Discord', () => {
		const config = parseConfig({});
		expect(config.databaseUrl).toBe('file:./data/attache');
		expect(config.anthropic.apiKey).toBeUndefined();
		expect(config.anthropic.model).toBe('claude-haiku-5-5');
		expect(config.discord.token).toBeUndefined();
		expect(config.ingest.allowPrivateUrls).toBe(false);
	});

	it('treats empty values as unset, as a copied .env.example leaves them', () => {
		const config = parseConfig({ DATABASE_URL: '', ANTHROPIC_API_KEY: '', DISCORD_API_URL: '', GUILD_ALLOWLIST: '' });
		expect(config.databaseUrl).toBe('file:./data/attache');
		expect(config.anthropic.apiKey).toBeUndefined();
		expect(config.discord.guildAllowlist).toEqual([]);
	});

	it('accepts every database form', () => {
		for (const url of ['memory:', 'file:/tmp/x', 'postgres://u:p@127.0.0.1:5432/db', 'postgresql://h/db'])
			expect(parseConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
	});

	it('names every bad variable in one readable error', () => {
		let error: unknown;
		try {
			parseConfig({
				DATABASE_URL: 'mysql://nope',
				LOG_LEVEL: 'loud',
				LLM_TIMEOUT_MS: '-5',
				GUILD_ALLOWLIST: '123,abc',
				EXTRACTOR: 'gpt',
			});
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		for (const name of ['DATABASE_URL', 'LOG_LEVEL', 'LLM_TIMEOUT_MS', 'GUILD_ALLOWLIST', 'EXTRACTOR'])
			expect(message).toContain(name);
		expect(message).toContain('.env.example');
	});

	it('parses flags and lists', () => {
		const config = parseConfig({
			INGEST_ALLOW_PRIVATE_URLS: 'true',
			GUILD_ALLOWLIST: '123456789012345678, 223456789012345678',
		});
		expect(config.ingest.allowPrivateUrls).toBe(true);
		expect(config.discord.guildAllowlist).toEqual(['123456789012345678', '223456789012345678']);
	});
});

describe('.env.example', () => {
	it('documents every variable the config reads, each with a comment', () => {
		const text = readFileSync('.env.example', 'utf8');
		const documented = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
		expect(new Set(documented)).toEqual(new Set(ENV_VARIABLES));
		const lines = text.split('\n');
		for (const name of ENV_VARIABLES) {
			const i = lines.findIndex((l) => l.startsWith(`${name}=`));
			const above = lines.slice(0, i).reverse();
			const comment = above.find((l) => !/^[A-Z_]+=/.test(l));
			expect(comment, `${name} needs a comment`).toMatch(/^#/);
		}
	});
});
