import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** The one database handle every repository takes; a transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human description for logs, never containing a password. */
  describe: string;
  close(): Promise<void>;
  /** The raw pg pool on PostgreSQL (LISTEN/NOTIFY, admin); undefined on PGlite. */
  pool?: pg.Pool;
};

export const pgliteExtensions = { unaccent, pg_trgm, pgcrypto };

// Both drivers must hand back the same JS types: bigint columns (count(*)) as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'motcua' });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  // Nor a checked-out one between two queries (a transaction running code, a server restart in
  // between): without a listener its 'error' event killed the process. The query that follows fails
  // instead (503 to the caller) and the pool discards the dead client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const u = new URL(url);
  return {
    db: drizzleNodePg(pool) as unknown as Db,
    kind: 'postgres',
    describe: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
    close: () => pool.end(),
    pool,
  };
}

/** A raw PGlite with our extensions and type parsers; in memory when no dataDir is given. */
export async function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: pgliteExtensions,
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const lite = await createPglite(dataDir, loadDataDir);
  return fromPglite(lite, dataDir ? `embedded PGlite at ${dataDir}` : 'embedded PGlite in memory');
}

export function fromPglite(lite: PGlite, describe: string): Database {
  return {
    db: drizzlePglite(lite) as unknown as Db,
    kind: 'pglite',
    describe,
    close: () => lite.close(),
  };
}

export type DbSettings = { databaseUrl: string | undefined; databasePoolSize: number; dataDir: string };

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database under the data dir. */
export function openDatabase(s: DbSettings): Promise<Database> {
  return s.databaseUrl
    ? openPostgres(s.databaseUrl, s.databasePoolSize)
    : openPglite(path.join(s.dataDir, 'pgdata'));
}

/** Rows of a raw `db.execute(sql…)` result; both drivers answer `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
