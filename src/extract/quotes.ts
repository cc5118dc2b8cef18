/** A pair of quotation marks found in the body; offsets index the original body. */
export type QuoteSpan = {
	/** Offset of the opening mark. */
	open: number;
	/** Offset just after the closing mark, or the end of the paragraph when the quote is never closed. */
	close: number;
	/** The quoted text, marks excluded and edges trimmed: `body.slice(start, end)`. */
	start: number;
	end: number;
	/** Whether the closing mark was found in the same paragraph. */
	closed: boolean;
	/** Whether this paragraph-quote continues a quote left open at the end of the previous paragraph. */
	continued: boolean;
	/** Double marks (“…”, "…", «…», „…“) or single marks used as primary quotes (‘…’). */
	double: boolean;
};

const DOUBLE_OPEN = new Set(['“', '„', '«', '‟']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = new Set(['‘', '‚', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);
const WORD = /[\p{L}\p{N}]/u;
const SPACE_OR_OPEN = /[\s([{—–-]/u;

/** Whether the character at `i` can start a quote: after a space or the line start, before a word or a quote. */
function canOpen(text: string, i: number): boolean {
	const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
	const after = text[i + 1] ?? ' ';
	return SPACE_OR_OPEN.test(before) && /[\p{L}\p{N}.…['‘$£€(]/u.test(after);
}

/** Whether the character at `i` can end a quote: not between two letters (an apostrophe). */
function canClose(text: string, i: number): boolean {
	const before = text[i - 1] ?? ' ';
	const after = text[i + 1] ?? ' ';
	if (WORD.test(before) && WORD.test(after)) return false;
	// A typographic closing mark after a space still closes, unless a word follows it.
	if (/\s/.test(before)) return (text[i] === '”' || text[i] === '»') && !WORD.test(after);
	return true;
}

/** Trims whitespace and a trailing comma, semicolon or colon (they belong to the attribution). */
function trimInner(body: string, start: number, end: number): [number, number] {
	let a = start;
	let b = end;
	while (a < b && /\s/.test(body[a] ?? '')) a++;
	while (b > a && /[\s,;:]/.test(body[b - 1] ?? '')) b--;
	return [a, b];
}

/** Pairs the double quotation marks of one paragraph; single marks only where no double quote covers them. */
function pairParagraph(body: string, from: number, to: number, continued: boolean): QuoteSpan[] {
	const spans: QuoteSpan[] = [];
	let openAt = -1;
	const marks = /["“”„«»‟]/g;
	marks.lastIndex = from;
	for (let m = marks.exec(body); m !== null && m.index < to; m = marks.exec(body)) {
		const i = m.index;
		const c = m[0];
		const isOpenMark = DOUBLE_OPEN.has(c) || (c === '"' && openAt < 0) || (c === '”' && openAt < 0 && canOpen(body, i));
		const isCloseMark = DOUBLE_CLOSE.has(c) || c === '"' || c === '“';
		if (openAt >= 0 && isCloseMark && canClose(body, i)) {
			push(spans, body, openAt, i, true, continued && spans.length === 0);
			openAt = -1;
		} else if (openAt < 0 && isOpenMark && (c !== '"' || canOpen(body, i))) {
			openAt = i;
		} else if (openAt >= 0 && isOpenMark && c !== '"' && canOpen(body, i)) {
			// A second opening mark: the first quote was never closed; start again here.
			openAt = i;
		}
	}
	if (openAt >= 0) push(spans, body, openAt, to, false, continued && spans.length === 0);
	if (spans.length === 0) spans.push(...pairSingles(body, from, to, continued));
	return spans;
}

function push(spans: QuoteSpan[], body: string, open: number, closeMark: number, closed: boolean, cont: boolean) {
	const [start, end] = trimInner(body, open + 1, closeMark);
	if (end <= start) return;
	spans.push({ open, close: closed ? closeMark + 1 : closeMark, start, end, closed, continued: cont, double: true });
}

/** Single quotation marks as primary quotes (British style), only in paragraphs without double quotes. */
function pairSingles(body: string, from: number, to: number, continued: boolean): QuoteSpan[] {
	const spans: QuoteSpan[] = [];
	let openAt = -1;
	const marks = /['‘’‚‹›]/g;
	marks.lastIndex = from;
	for (let m = marks.exec(body); m !== null && m.index < to; m = marks.exec(body)) {
		const i = m.index;
		const c = m[0];
		if (openAt < 0 && (SINGLE_OPEN.has(c) || c === "'") && canOpen(body, i)) openAt = i;
		else if (openAt >= 0 && (SINGLE_CLOSE.has(c) || c === "'") && canClose(body, i)) {
			const next = body[i + 1] ?? ' ';
			// "leaders’ meeting": a plural possessive, not a closing mark.
			if (/s/i.test(body[i - 1] ?? '') && /\s/.test(next) && /[a-z]/.test(body[i + 2] ?? '')) continue;
			const [start, end] = trimInner(body, openAt + 1, i);
			if (end > start)
				spans.push({ open: openAt, close: i + 1, start, end, closed: true, continued: false, double: false });
			openAt = -1;
		}
	}
	if (continued && spans[0]) spans[0].continued = spans[0].open <= from + 1;
	return spans;
}

/** Paragraphs as [start, end) offsets: one per non-empty line. */
export function paragraphs(body: string): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let at = 0;
	for (const line of body.split('\n')) {
		const end = at + line.length;
		if (line.trim() !== '') out.push([at, end]);
		at = end + 1;
	}
	return out;
}

/**
 * All quotes in the body, paragraph by paragraph. A paragraph that leaves a quote open and is followed by a
 * paragraph opening with a quotation mark continues into it (news convention); each paragraph's part is a span.
 */
export function findQuotes(body: string): QuoteSpan[] {
	const out: QuoteSpan[] = [];
	let carry = false;
	for (const [from, to] of paragraphs(body)) {
		const firstChar = body.slice(from, to).trimStart()[0] ?? '';
		const continued = carry && (DOUBLE_OPEN.has(firstChar) || firstChar === '"' || SINGLE_OPEN.has(firstChar));
		const spans = pairParagraph(body, from, to, continued);
		out.push(...spans);
		const last = spans.at(-1);
		carry = last !== undefined && !last.closed;
	}
	return out;
}
