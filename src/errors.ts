/** An expected failure whose message is safe to show the user (ephemeral in Discord, stderr in the CLI). */
export class UserError extends Error {
	override name = 'UserError';
}
