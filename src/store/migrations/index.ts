import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as discordThreads from './0002-discord-threads.js';
import * as llmUsage from './0003-llm-usage.js';
import * as extractionCache from './0004-extraction-cache.js';

/**
 * Every migration, in order. Listed explicitly (not read from the folder) so they work the same
 * under tsx, in tests and in any bundle. Append new ones; never edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
	'0001-foundation': foundation,
	'0002-discord-threads': discordThreads,
	'0003-llm-usage': llmUsage,
	'0004-extraction-cache': extractionCache,
};
