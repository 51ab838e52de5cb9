import fs from 'node:fs';
import path from 'node:path';
import { apiRoot } from '../paths.ts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

export const migrationsDir = path.join(apiRoot, 'migrations');

/** Numbered SQL files (`0000_name.sql`), applied in name order, each once. */
export function listMigrations(dir = migrationsDir): { name: string; statements: string[] }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      name: f.replace(/\.sql$/, ''),
      statements: fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
}

/**
 * Applies pending migrations, each in its own transaction, and returns the names applied.
 * An advisory lock serialises concurrent starts (API and worker booting together on PostgreSQL).
 */
export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  await db.execute(
    sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`,
  );
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
      const done = await tx.execute(sql`select 1 from schema_migrations where name = ${m.name}`);
      if (rowsOf(done).length > 0) return;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_migrations (name) values (${m.name})`);
      applied.push(m.name);
    });
  }
  return applied;
}
