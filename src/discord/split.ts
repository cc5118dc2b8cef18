/** Where text may be cut, best first: paragraph, line, sentence end, clause, word. */
const BOUNDARIES = [/\n\n/g, /\n/g, /(?<=[.!?…]["”’)]?)\s+/g, /(?<=[,;:])\s+/g, /\s+/g];

/**
 * Splits markdown text into pieces of at most `limit` characters, cutting at the best boundary
 * available (paragraph, line, sentence, word) and never inside a `[n]` citation marker or an
 * escape sequence. A single unbreakable run longer than `limit` is cut hard.
 */
export function splitMarkdown(text: string, limit: number): string[] {
	const pieces: string[] = [];
	let rest = text.trim();
	while (rest.length > limit) {
		const cut = bestCut(rest, limit);
		pieces.push(rest.slice(0, cut).trimEnd());
		rest = rest.slice(cut).trimStart();
	}
	if (rest.length > 0) pieces.push(rest);
	return pieces;
}

function bestCut(text: string, limit: number): number {
	const window = text.slice(0, limit + 1);
	for (const boundary of BOUNDARIES) {
		let best = -1;
		for (const m of window.matchAll(boundary)) {
			const at = m.index ?? -1;
			if (at > 0 && at <= limit && !insideToken(text, at)) best = at;
		}
		// A cut in the first fifth wastes a whole message; try a finer boundary instead.
		if (best > limit / 5) return best;
	}
	let hard = limit;
	while (hard > 1 && insideToken(text, hard)) hard--;
	return hard;
}

/** True when cutting before index `at` would split a `[12]` marker, a `<t:…>` tag or a backslash escape. */
function insideToken(text: string, at: number): boolean {
	if (text[at - 1] === '\\') return true;
	const open = text.lastIndexOf('[', at - 1);
	if (open >= 0 && at - open <= 6 && /^\[\d{0,4}$/.test(text.slice(open, at)) && text.indexOf(']', open) >= at)
		return true;
	const tag = text.lastIndexOf('<', at - 1);
	return tag >= 0 && at - tag <= 40 && text.indexOf('>', tag) >= at && !text.slice(tag, at).includes(' ');
}

/**
 * Packs atomic blocks (a quote with its citation, a timeline line) into pieces of at most `limit`
 * characters, joined by `separator`. A block is never split across pieces unless it alone exceeds
 * the limit, in which case it is split on markdown boundaries.
 */
export function packBlocks(blocks: string[], limit: number, separator = '\n\n'): string[] {
	const pieces: string[] = [];
	let current = '';
	for (const block of blocks) {
		const parts = block.length > limit ? splitMarkdown(block, limit) : [block];
		for (const part of parts) {
			const joined = current ? `${current}${separator}${part}` : part;
			if (joined.length <= limit) current = joined;
			else {
				pieces.push(current);
				current = part;
			}
		}
	}
	if (current) pieces.push(current);
	return pieces;
}
