import type { PGlite } from '@electric-sql/pglite';
import {
	CompiledQuery,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type QueryResult,
	type TransactionSettings,
} from 'kysely';

// PGlite is one connection: kysely's transactions must not interleave with other queries,
// so connections are handed out one at a time. (kysely-pglite exists but drags in a CLI toolchain.)
class PgliteDriver implements Driver {
	#queue: Promise<void> = Promise.resolve();
	readonly #connection: DatabaseConnection;

	constructor(private readonly db: PGlite) {
		this.#connection = {
			executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
				const result = await db.query<R>(query.sql, [...query.parameters]);
				return result.affectedRows === undefined
					? { rows: result.rows }
					: { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
			},
			streamQuery: () => {
				throw new Error('PGlite dialect does not support streaming');
			},
		};
	}

	async init(): Promise<void> {
		await this.db.waitReady;
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		let release!: () => void;
		const previous = this.#queue;
		this.#queue = new Promise<void>((resolve) => {
			release = resolve;
		});
		await previous;
		this.#releases.set(this.#connection, release);
		return this.#connection;
	}

	readonly #releases = new Map<DatabaseConnection, () => void>();

	async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin'));
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('commit'));
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('rollback'));
	}

	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		const release = this.#releases.get(connection);
		this.#releases.delete(connection);
		release?.();
	}

	async destroy(): Promise<void> {
		await this.db.close();
	}
}

/** A Kysely dialect over an embedded PGlite instance: PostgreSQL SQL, adapter and introspection. */
export class PgliteDialect implements Dialect {
	constructor(private readonly db: PGlite) {}
	createAdapter() {
		return new PostgresAdapter();
	}
	createDriver(): Driver {
		return new PgliteDriver(this.db);
	}
	createQueryCompiler() {
		return new PostgresQueryCompiler();
	}
	// biome-ignore lint/suspicious/noExplicitAny: kysely's introspector is generic over any schema
	createIntrospector(db: Kysely<any>) {
		return new PostgresIntrospector(db);
	}
}
