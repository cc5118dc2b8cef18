import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { LlmStatement } from '../../src/llm/llm.js';
import type { Logger } from '../../src/log.js';
import { type FakeAnthropic, startFakeAnthropic } from '../fake-anthropic.js';

/** The anthropic config a test uses: the fake's URL, an explicit key, and small timeouts so failures are fast. */
export function llmConfig(url: string, env: Record<string, string> = {}) {
	return parseConfig({
		ANTHROPIC_API_KEY: 'test-key',
		ANTHROPIC_BASE_URL: url,
		LLM_TIMEOUT_MS: '2000',
		LLM_MAX_RETRIES: '2',
		...env,
	}).anthropic;
}

/** A logger whose records the test can read. */
export function memoryLogger(): { log: Logger; records: Record<string, unknown>[] } {
	const records: Record<string, unknown>[] = [];
	const sink = new Writable({
		write(chunk, _encoding, done) {
			for (const line of String(chunk).split('\n')) if (line.trim()) records.push(JSON.parse(line));
			done();
		},
	});
	return { log: pino({ level: 'debug' }, sink), records };
}

const SPEAKERS = [
	['Maria Ivanova', 'Foreign Ministry spokeswoman', 'Russia'],
	['John Carter', 'State Department spokesman', 'United States'],
	['Helene Dupont', 'French foreign minister', 'France'],
] as const;

/**
 * Statements written for the tests (not taken from any dataset): realistic lengths, about 200 characters,
 * which is the 90th percentile of quotes in diplomacy reporting.
 */
export function makeStatements(n: number): LlmStatement[] {
	return Array.from({ length: n }, (_, i) => {
		const [speaker, speakerRole, actor] = SPEAKERS[i % SPEAKERS.length] as (typeof SPEAKERS)[number];
		return {
			quote: `Statement ${i + 1}: we have said many times that any deployment of foreign troops would require the consent of every party, and we will not accept arrangements that are imposed from outside the negotiations.`,
			speaker,
			speakerRole,
			actor,
			aboutActor: null,
			outlet: i % 2 === 0 ? 'Example Wire' : 'Daily Example',
			published: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
			url: `https://news.example/2025/03/story-number-${i + 1}-about-peacekeepers`,
			title: `Officials comment on peacekeeping proposals, story ${i + 1}`,
		};
	});
}

/** Starts one fake for the file, clears its request log before each test, and stops it at the end. */
export function useFakeAnthropic(): { fake: FakeAnthropic } {
	const holder = {} as { fake: FakeAnthropic };
	beforeAll(async () => {
		holder.fake = await startFakeAnthropic();
	});
	afterAll(() => holder.fake.close());
	beforeEach(() => {
		holder.fake.requests.length = 0;
	});
	return holder;
}
