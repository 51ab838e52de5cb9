// PostgreSQL plumbing shared by the suites that need a real server: the server of DATABASE_URL
// (default 127.0.0.1:5432, user postgres), scratch and kept databases (all named motcua_bench_*),
// and a short description of the server for the results.
import pg from 'pg';
import { round } from '../lib.ts';

/** URL of database `name` on the bench server (`postgres` when omitted). */
export function pgUrl(name = 'postgres'): string {
  const u = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs statements on the server's maintenance database (create/drop database). */
export async function admin(...statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl() });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgUrl() });
  await c.connect();
  try {
    return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

export function assertBenchName(name: string): void {
  if (!/^motcua_bench_[a-z0-9_]+$/.test(name)) throw new Error(`bench databases are named motcua_bench_*: ${name}`);
}

export async function dropDatabase(name: string): Promise<void> {
  assertBenchName(name);
  await admin(`drop database if exists ${name} with (force)`);
}

/** A database of its own for one run, dropped by the caller (`dropDatabase`). */
export async function createDatabase(name: string, template?: string): Promise<string> {
  assertBenchName(name);
  await admin(`drop database if exists ${name} with (force)`, `create database ${name}${template ? ` template ${template}` : ''}`);
  return pgUrl(name);
}

/** Seconds since `t0` (performance.now()), one decimal. */
export const secondsSince = (t0: number) => round((performance.now() - t0) / 1000, 1);

/** Version and the settings that matter for the figures, for the machine description. */
export async function describeServer(): Promise<string> {
  const c = new pg.Client({ connectionString: pgUrl() });
  await c.connect();
  try {
    const v = (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const settings: string[] = [];
    for (const s of ['shared_buffers', 'synchronous_commit', 'max_wal_size']) settings.push(`${s}=${(await c.query(`show ${s}`)).rows[0][s]}`);
    const u = new URL(pgUrl());
    return `PostgreSQL ${v} at ${u.hostname}:${u.port || 5432}, default settings (${settings.join(', ')})`;
  } finally {
    await c.end();
  }
}
