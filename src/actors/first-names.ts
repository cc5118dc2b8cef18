import { createRequire } from 'node:module';

type GenderGuess = (name: string) => 'male' | 'female' | 'unknown';
let guessGender: GenderGuess | null = null;
/** A first name's usual gender (gender-detection-from-name, MIT); loaded on first use, about 100 ms. */
export function firstNameGender(name: string): 'male' | 'female' | 'unknown' {
	guessGender ??= (createRequire(import.meta.url)('gender-detection-from-name') as { getGender: GenderGuess })
		.getGender;
	return guessGender(name);
}
