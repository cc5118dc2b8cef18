import type { Briefing, BriefingQuote, SummarySegment } from '../answer/briefing.js';
import { possessive } from '../answer/quotes.js';
import { dayOf, describeStaleness, formatDay } from '../answer/timeline.js';

// Stored text is untrusted: terminal control sequences (ESC, bidi overrides) must not reach the screen.
const safe = (text: string) => text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
const cite = (ns: number[]) => ns.map((n) => `[${n}]`).join('');

/** Summary segments as one paragraph with citation markers: "… opposed. [1][2] …". */
export function summaryText(segments: SummarySegment[]): string {
	return segments.map((s) => `${safe(s.text)}${s.citations.length > 0 ? ` ${cite(s.citations)}` : ''}`).join(' ');
}

function source(q: BriefingQuote): string {
	const day = dayOf(q.published);
	const outlets = q.outlets.length > 0 ? q.outlets.join(', ') : q.outlet;
	const parts = [outlets ? safe(outlets) : null, day ? formatDay(day) : 'undated', q.url ? safe(q.url) : 'no link'];
	return parts.filter(Boolean).join(' · ');
}

function quoteBlock(q: BriefingQuote, extra: string[] = []): string {
	const role = q.speakerRole ? ` (${safe(q.speakerRole)})` : '';
	const words = q.kind === 'direct' ? `“${safe(q.quote)}”` : `${safe(q.quote)} (reported speech)`;
	const stance = q.stance ? ` · ${q.stance}` : '';
	return [
		`[${q.n}] ${words}`,
		`    — ${safe(q.speaker)}${role}${stance}`,
		`    ${source(q)}`,
		...extra.map((e) => `    ${e}`),
	].join('\n');
}

function header(b: Briefing): string[] {
	const range = b.since || b.until ? ` (${b.since ?? '…'} to ${b.until ?? 'today'})` : '';
	const lines = [
		`${b.actor.name} on ${b.topic.label}${range}: ${b.stance.toUpperCase()}`,
		`Why: ${safe(b.stanceReason)}.`,
	];
	if (b.lastStatement) lines.push(`${describeStaleness(b.lastStatement).replace(/^l/, 'L')}.`);
	else if (b.quotes.length > 0) lines.push('No statement carries a publication date.');
	return lines;
}

function changeLines(b: Briefing): string[] {
	if (!b.stanceChange) return [];
	const { from, to } = b.stanceChange;
	const f = b.quotes.find((q) => q.n === from);
	const t = b.quotes.find((q) => q.n === to);
	if (!f || !t) return [];
	const when = (q: BriefingQuote) => {
		const day = dayOf(q.published);
		return day ? formatDay(day) : 'undated';
	};
	return ['', `Change of position: ${f.stance} (${when(f)}) [${from}] → ${t.stance} (${when(t)}) [${to}]`];
}

/** One line per day, oldest first: which stances were on record that day, with their quote numbers. */
function timelineLines(b: Briefing): string[] {
	const days = new Map<string, Map<string, number[]>>();
	for (const p of b.timeline) {
		const day = p.date ? formatDay(p.date) : 'undated';
		const byStance = days.get(day) ?? new Map<string, number[]>();
		byStance.set(p.stance ?? 'no stance', [...(byStance.get(p.stance ?? 'no stance') ?? []), p.n]);
		days.set(day, byStance);
	}
	if (days.size < 2) return [];
	const width = Math.max(...[...days.keys()].map((d) => d.length));
	const lines = [...days].map(
		([day, byStance]) => `  ${day.padEnd(width)}  ${[...byStance].map(([st, ns]) => `${st} ${cite(ns)}`).join(' · ')}`,
	);
	return ['', 'Timeline, oldest first', ...lines];
}

/** The briefing as plain text for a terminal: the form an analyst would paste into an e-mail. */
export function renderBriefingText(b: Briefing): string {
	const out = [...header(b), '', 'Summary', `  ${summaryText(b.summary)}`];
	if (b.note) out.push(`  (${safe(b.note)})`);
	out.push(...changeLines(b), ...timelineLines(b));
	if (b.quotes.length > 0) {
		out.push('', `${possessive(b.actor.name)} own statements, newest first`);
		for (const q of b.quotes) out.push(quoteBlock(q));
	}
	if (b.claims.length > 0) {
		out.push('', `Claims about ${b.actor.name} by others (their words, not ${possessive(b.actor.name)})`);
		for (const c of b.claims) {
			const speaksFor = c.actor ? `speaking for ${c.actor}; ` : '';
			const denied =
				c.deniedBy.length > 0 ? [`contradicted by ${possessive(b.actor.name)} own statements ${cite(c.deniedBy)}`] : [];
			out.push(
				quoteBlock(c, [`(${speaksFor}attributes a ${c.stance ?? 'position'} stance to ${b.actor.name})`, ...denied]),
			);
		}
	}
	if (b.usage) {
		const u = b.usage;
		const tokens = `${u.inputTokens.toLocaleString('en')} in / ${u.outputTokens.toLocaleString('en')} out tokens`;
		out.push('', `Summary by ${u.model} · ${tokens}${u.estimated ? ' (estimated)' : ''} · $${u.costUsd.toFixed(4)}`);
	}
	return `${out.join('\n')}\n`;
}

const citation = (q: BriefingQuote) => ({
	n: q.n,
	quote: q.quote,
	speaker: q.speaker,
	speaker_role: q.speakerRole,
	actor: q.actor,
	about_actor: q.aboutActor,
	kind: q.kind,
	stance: q.stance,
	topic: q.topic,
	url: q.url,
	published: q.published,
	outlet: q.outlet,
	outlets: q.outlets,
	title: q.title,
});

/**
 * The `--json` contract of ../shared/eval/README.md: `citations` are the actor's own quotes; claims by others
 * are listed apart under `claims`, each with `about_actor` set, so no claim can be read as the actor's words.
 */
export function briefingJson(b: Briefing) {
	return {
		actor: b.actor.name,
		topic: b.topic.label,
		topic_id: b.topic.id,
		stance: b.stance,
		stance_reason: b.stanceReason,
		summary: summaryText(b.summary),
		mode: b.mode,
		note: b.note,
		citations: b.quotes.map(citation),
		claims: b.claims.map((c) => ({ ...citation(c), about_actor: c.aboutActor ?? b.actor.name, denied_by: c.deniedBy })),
		last_statement: b.lastStatement,
		stance_change: b.stanceChange,
		timeline: b.timeline,
		usage: b.usage,
	};
}
