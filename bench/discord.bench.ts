import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FakeDiscord, type InteractionRecord } from '../test/fake-discord/fake-discord.js';
import type { BenchRow, BenchSuite } from './row.js';

const SEQUENTIAL = 500;
const BURST = 50;
const BURST_ROUNDS = 3;
const AUTOCOMPLETE = 200;

type Bot = { fake: FakeDiscord; stop(): Promise<void> };

/** Starts a fake Discord and a bot of `kind` in a child process logged in to it. */
async function startBot(kind: 'trivial' | 'attache'): Promise<Bot> {
	const fake = await new FakeDiscord({ history: false }).start();
	const child = fork(fileURLToPath(new URL('./discord-bots.ts', import.meta.url)), [kind, fake.apiBase, fake.token], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const [message] = await once(child, 'message');
	if (message !== 'ready') throw new Error(`bench bot ${kind} did not start`);
	return {
		fake,
		async stop() {
			child.send('stop');
			await once(child, 'exit');
			await fake.stop();
		},
	};
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (v: number) => `${v.toFixed(2)} ms`;
const summary = (xs: number[]) => ({ median: percentile(xs, 50), p99: percentile(xs, 99), max: Math.max(...xs) });

type Timing = { defer: number[]; answer: number[] };

async function measure(bot: Bot, mode: 'sequential' | 'burst', n: number): Promise<Timing> {
	const send = () => bot.fake.command('stance', { actor: 'russia', topic: 'peacekeepers' });
	let recs: InteractionRecord[];
	if (mode === 'burst') {
		const sent = Array.from({ length: n }, send);
		recs = await Promise.all(sent.map((r) => r.edited));
	} else {
		recs = [];
		for (let i = 0; i < n; i++) recs.push(await send().edited);
	}
	for (const r of recs) bot.fake.interactions.delete(r.interaction.token);
	return {
		defer: recs.map((r) => (r.callbackAt ?? Number.NaN) - r.dispatchedAt),
		answer: recs.map((r) => (r.editAt ?? Number.NaN) - r.dispatchedAt),
	};
}

async function measureAutocomplete(bot: Bot): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < AUTOCOMPLETE; i++) {
		const rec = await bot.fake.autocomplete('stance', { actor: 'ru', topic: '' }, 'actor').acked;
		bot.fake.interactions.delete(rec.interaction.token);
		out.push((rec.callbackAt ?? Number.NaN) - rec.dispatchedAt);
	}
	return out;
}

type Results = { sequential: Timing; burst: Timing; autocomplete: number[] };
const empty = (): Results => ({
	sequential: { defer: [], answer: [] },
	burst: { defer: [], answer: [] },
	autocomplete: [],
});
const add = (into: Timing, t: Timing) => {
	into.defer.push(...t.defer);
	into.answer.push(...t.answer);
};

/**
 * Runs both bots in alternating rounds (100 one after another, then 50 at once, each bot in turn), so
 * load from anything else on the machine falls on both alike.
 */
async function runInterleaved(bots: Bot[]): Promise<Results[]> {
	const results = bots.map(empty);
	for (const bot of bots) await measure(bot, 'sequential', 20); // warm-up: JIT, connection pool, first queries
	for (let round = 0; round < SEQUENTIAL / 100; round++) {
		for (const [i, bot] of bots.entries())
			add((results[i] as Results).sequential, await measure(bot, 'sequential', 100));
		if (round < BURST_ROUNDS) {
			for (const [i, bot] of bots.entries()) add((results[i] as Results).burst, await measure(bot, 'burst', BURST));
		}
	}
	for (const [i, bot] of bots.entries()) (results[i] as Results).autocomplete.push(...(await measureAutocomplete(bot)));
	return results;
}

/** Interaction → defer callback and → final answer, Attaché beside a trivial discord.js bot, same run, same fake. */
export const discordBench: BenchSuite = {
	name: 'discord',
	async run(): Promise<BenchRow[]> {
		const bots = [await startBot('trivial'), await startBot('attache')];
		const [trivial, ours] = await runInterleaved(bots).finally(() => Promise.all(bots.map((b) => b.stop())));
		if (!trivial || !ours) return [];
		const load = loadavg()
			.map((l) => l.toFixed(1))
			.join(' ');
		const machine = `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}, load ${load}`;
		const rows: BenchRow[] = [];
		const row = (what: string, xs: number[], note?: string) => {
			const s = summary(xs);
			rows.push({
				suite: 'discord',
				case: what,
				value: `${ms(s.median)} / ${ms(s.p99)}`,
				note: note ?? `median / p99; max ${ms(s.max)}`,
			});
		};
		for (const [mode, n] of [
			['sequential', SEQUENTIAL],
			['burst', BURST],
		] as const) {
			const t = trivial[mode];
			const o = ours[mode];
			const how = mode === 'burst' ? `${n} at once, ×${BURST_ROUNDS}` : `${n} one after another`;
			row(`trivial bot: → defer, ${how}`, t.defer);
			row(`attaché /stance: → defer, ${how}`, o.defer);
			const ratio = summary(o.defer).p99 / summary(t.defer).p99;
			rows.push({
				suite: 'discord',
				case: `p99 defer ratio (${mode})`,
				value: `${ratio.toFixed(2)}×`,
				note: 'target ≤ 1.5×',
			});
			row(`trivial bot: → final edit (${mode})`, t.answer, 'includes the REST client’s own 50 req/s limit on edits');
			row(
				`attaché /stance: → final answer, fake LLM (${mode})`,
				o.answer,
				'includes the REST client’s own 50 req/s limit on edits',
			);
		}
		row(`trivial bot: autocomplete → choices (${AUTOCOMPLETE})`, trivial.autocomplete);
		row(`attaché: autocomplete → choices, store query (${AUTOCOMPLETE})`, ours.autocomplete);
		rows.push({
			suite: 'discord',
			case: 'machine',
			value: machine,
			note: 'each bot in its own process, fake Discord in this one; loopback; rounds interleaved',
		});
		return rows;
	},
};
