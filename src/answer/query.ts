/** A /stance request as typed by the user; resolved against the actor and topic registries by the answer module. */
export type StanceQuery = {
	actor: string;
	topic: string;
	/** ISO dates (YYYY-MM-DD), inclusive. */
	since?: string | null;
	until?: string | null;
	/** For rate limits, budgets and logs; null from the CLI. */
	guildId?: string | null;
	userId?: string | null;
	/** Summarise with the stronger (dearer) model from config instead of the fast default. */
	strong?: boolean;
};
