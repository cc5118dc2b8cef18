/** Discord's hard limits on what one message may carry (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
	content: 2_000,
	embedTitle: 256,
	embedDescription: 4_096,
	fieldName: 256,
	fieldValue: 1_024,
	footer: 2_048,
	embedsPerMessage: 10,
	/** Sum of every embed's title, description, field names and values, footer and author in one message. */
	embedCharsPerMessage: 6_000,
	buttonsPerRow: 5,
	rowsPerMessage: 5,
	buttonLabel: 80,
	linkUrl: 512,
	customId: 100,
	choices: 25,
	choiceName: 100,
	choiceValue: 100,
} as const;
