import { matchActorPrefix, suggestActors } from '../actors/registry.js';
import { UserError } from '../errors.js';

/** Splits "/stance united states peace talks" into actor and topic: the longest actor alias that starts it. */
export function parseStanceLine(text: string): { actor: string; topic: string } {
	const body = text.trim().replace(/^\/?stance\b\s*/i, '');
	if (!body) throw new UserError('Nothing to ask: give an actor and a topic, e.g. "/stance russia peacekeepers".');
	const match = matchActorPrefix(body);
	if (!match) {
		const first = body.split(/\s+/)[0] ?? body;
		const near = suggestActors(first, 5);
		const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
		throw new UserError(`"${body.slice(0, 80)}" does not start with an actor I know.${hint}`);
	}
	if (!match.rest)
		throw new UserError(
			`Understood the actor ${match.actor.name}, but no topic: add one, e.g. "/stance ${match.matched} peacekeepers".`,
		);
	return { actor: match.matched, topic: match.rest };
}
