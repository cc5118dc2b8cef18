import { join } from 'node:path';

/** ../shared/eval, where the labelled datasets live; tests skip when it is absent. */
export const EVAL_DIR = join(process.cwd(), '..', 'shared', 'eval');

/** The scorer's name normalisation (score.mjs `norm`): accents, case and punctuation fold away. */
export const normName = (s: string | null | undefined) =>
	(s ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9 ]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
