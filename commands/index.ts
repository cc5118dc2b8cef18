import type { Command } from '../src/discord/command.js';
import help from './help.js';
import ingest from './ingest.js';
import quotes from './quotes.js';
import sources from './sources.js';
import stance from './stance.js';

/**
 * Every slash command, read by the bot and by `npm run deploy-commands`. File name = command name.
 * Subscription commands (a later issue) are appended here.
 */
export const commands: readonly Command[] = [stance, quotes, sources, ingest, help];
