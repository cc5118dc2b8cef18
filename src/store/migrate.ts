import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.js';

/** Brings the schema up to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) throw new Error(`database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
