import { z } from 'zod';

// YAML reads a bare year as a number.
const DateSchema = z
	.union([z.string(), z.number().int()])
	.transform(String)
	.pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'));
const Names = z.array(z.string().min(1)).default([]);

/** countries.yaml: overrides on top of the world-countries package. */
export const CountryFileSchema = z.object({
	include: z.array(z.string().length(3)).default([]),
	drop: Names,
	countries: z.record(
		z.string().length(3),
		z.object({
			name: z.string().min(1).optional(),
			aliases: Names,
			demonyms: z.array(z.string()).optional(),
			capitals: z.array(z.string()).optional(),
			adjective: z.string().min(1).optional(),
		}),
	),
});

/** organisations.yaml: actors that are not states. */
export const OrganisationFileSchema = z.array(
	z.object({
		name: z.string().min(1),
		kind: z.enum(['igo', 'alliance', 'group', 'armed-group', 'ngo']),
		aliases: Names,
		demonyms: Names,
		adjective: z.string().min(1).optional(),
	}),
);

/** institutions.yaml: named institutions that speak for an actor. */
export const InstitutionFileSchema = z.array(
	z.object({ name: z.string().min(1), actor: z.string().min(1), aliases: Names }),
);

/** institution-nouns.yaml: institutions every state has ("foreign ministry", "embassy"). */
export const InstitutionNounFileSchema = z.array(
	z.object({ name: z.string().min(1), aliases: Names, collective: z.boolean().default(false) }),
);

const RoleSchema = z.object({
	role: z.string().min(1),
	actor: z.string().min(1).optional(),
	from: DateSchema.optional(),
	to: DateSchema.optional(),
});

/** people.yaml: office-holders with their roles and the actor they speak for. */
export const PeopleFileSchema = z.array(
	z
		.object({
			name: z.string().min(1),
			actor: z.string().min(1),
			role: z.string().min(1).optional(),
			from: DateSchema.optional(),
			to: DateSchema.optional(),
			roles: z.array(RoleSchema).optional(),
			aliases: Names,
			surname: z.string().min(1).nullable().optional(),
		})
		.refine((p) => (p.role ? !p.roles : !!p.roles?.length), { message: 'give either role or roles' }),
);

/** One role of a person, dates inclusive, open-ended when absent. */
export type PersonRole = z.infer<typeof RoleSchema> & { actor: string };
