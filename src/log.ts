import { type Logger, pino } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** The one pino instance: structured JSON to stderr, so stdout stays free for CLI answers. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
	return pino({ level: config.logLevel, base: { app: 'attache' } }, pino.destination(2));
}

/** A logger that drops everything, for tests and benchmarks. */
export function createSilentLogger(): Logger {
	return pino({ level: 'silent' });
}
