import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// `npm run --silent extract -- FILE...` as the eval scorer calls it: JSON lines on stdout, problems on stderr.
const tmp = mkdtempSync(join(tmpdir(), 'attache-extract-'));
function file(name: string, content: string | Buffer): string {
	const path = join(tmp, name);
	writeFileSync(path, content);
	return path;
}

const LineSchema = z.object({
	file: z.string(),
	quote: z.string(),
	speaker: z.string(),
	kind: z.enum(['direct', 'indirect']),
	actor: z.string().nullable(),
	topic: z.string().nullable(),
	stance: z.string().nullable(),
	about_actor: z.string().nullable(),
	start: z.number(),
	end: z.number(),
	speaker_role: z.string().nullable(),
	confidence: z.number(),
});

function extract(...files: string[]) {
	const r = spawnSync('node', ['--import', 'tsx', 'src/cli/extract.ts', ...files], {
		encoding: 'utf8',
		env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: 'memory:' },
	});
	const lines = r.stdout
		.split('\n')
		.filter(Boolean)
		.map((l) => LineSchema.parse(JSON.parse(l)));
	return { status: r.status, lines, stderr: r.stderr };
}

const BODY = [
	'Kremlin aide Pavel Orlik spoke to reporters on Monday.',
	'',
	'“There is nothing to discuss,” he said. Orlik added that the talks could resume in March.',
	'',
].join('\n');

describe('extract CLI', () => {
	it('prints one JSON line per statement with offsets into the body after the front matter', () => {
		const front =
			'---\ntitle: "Talks stall"\nurl: "https://news.example.org/talks"\npublished: "2025-02-03"\noutlet: "Example"\n---\n';
		const md = file('talks.md', front + BODY);
		const { status, lines } = extract(md);
		expect(status).toBe(0);
		expect(lines.map((l) => [l.quote, l.speaker, l.kind])).toEqual([
			['There is nothing to discuss', 'Pavel Orlik', 'direct'],
			['the talks could resume in March', 'Pavel Orlik', 'indirect'],
		]);
		for (const l of lines) {
			expect(l.file).toBe(md);
			expect(BODY.slice(l.start, l.end)).toBe(l.quote);
		}
	});

	it('reads plain text and HTML articles', () => {
		const txt = file('talks.txt', BODY);
		const html = file(
			'talks.html',
			`<html><head><title>Talks</title></head><body><article><p>${BODY}</p></article></body></html>`,
		);
		const { status, lines } = extract(txt, html);
		expect(status).toBe(0);
		expect(lines.filter((l) => l.file === txt)).toHaveLength(2);
		expect(lines.filter((l) => l.file === html).map((l) => l.quote)).toContain('There is nothing to discuss');
	});

	it('names each bad file on stderr, still processes the others, and exits 1', () => {
		const good = file('good.md', `---\ntitle: "ok"\n---\n${BODY}`);
		const empty = file('empty.md', '');
		const binary = file('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
		const broken = file('broken.md', '---\ntitle: "never closed\nThe body.\n');
		const missing = join(tmp, 'missing.md');
		const { status, lines, stderr } = extract(empty, good, binary, broken, missing);
		expect(status).toBe(1);
		expect(lines.map((l) => l.file)).toEqual([good, good]);
		for (const bad of [empty, binary, broken, missing]) expect(stderr).toContain(bad);
		expect(stderr).toContain('4 of 5 files');
	});

	it('explains its usage when given no file', () => {
		const { status, stderr } = extract();
		expect(status).toBe(2);
		expect(stderr).toContain('Usage: npm run --silent extract');
	});
});
