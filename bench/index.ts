import { answerBench } from './answer.bench.js';
import { discordBench } from './discord.bench.js';
import { enrichBench } from './enrich.bench.js';
import { extractBench } from './extract.bench.js';
import { ingestBench } from './ingest.bench.js';
import type { BenchRow, BenchSuite } from './row.js';

// Suites register here; each one is self-contained (its own temp database, fake servers, data).
const suites: BenchSuite[] = [ingestBench, discordBench, extractBench, enrichBench, answerBench];

function printTable(rows: BenchRow[]): void {
	const header: BenchRow = { suite: 'suite', case: 'case', value: 'value', note: 'note' };
	const all = [header, ...rows];
	const width = (key: keyof BenchRow) => Math.max(...all.map((r) => (r[key] ?? '').length));
	const w = { suite: width('suite'), case: width('case'), value: width('value') };
	const line = (r: BenchRow) =>
		`| ${r.suite.padEnd(w.suite)} | ${r.case.padEnd(w.case)} | ${r.value.padStart(w.value)} | ${r.note ?? ''}`;
	process.stdout.write(
		`${line(header)}\n|${'-'.repeat(w.suite + 2)}|${'-'.repeat(w.case + 2)}|${'-'.repeat(w.value + 2)}|---\n`,
	);
	for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of suites) {
	if (only.length > 0 && !only.includes(suite.name)) continue;
	process.stderr.write(`bench: ${suite.name}…\n`);
	rows.push(...(await suite.run()));
}
printTable(rows);
