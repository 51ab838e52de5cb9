import fs from 'node:fs';
import path from 'node:path';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../src/platform/db/client.ts';
import { openTestDb } from '../support/harness.ts';

// Migrations are hand-written SQL; the drizzle table definitions the code queries through must match them.
const src = path.resolve(import.meta.dirname, '../../src');
const tableFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tableFiles(path.join(dir, e.name)) : e.name.endsWith('.tables.ts') ? [path.join(dir, e.name)] : [],
  );

const normalise = (t: string) =>
  t.endsWith('[]') ? 'ARRAY' : t.replace(/\(.*\)/, '').replace(/^varchar$/, 'character varying').replace(/^time$/, 'time without time zone').replace(/^timestamp$/, 'timestamp without time zone');

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(() => database.close());

describe('schema', () => {
  it('every column declared in *.tables.ts exists in the migrated database with the same type and nullability', async () => {
    const tables: PgTable[] = [];
    for (const file of tableFiles(src)) {
      for (const value of Object.values(await import(file))) if (is(value, PgTable)) tables.push(value);
    }
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const config = getTableConfig(table);
      const actual = rowsOf<{ column_name: string; data_type: string; is_nullable: string }>(
        await database.db.execute(sql`select column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public' and table_name = ${config.name}`),
      );
      expect(actual.length, `table ${config.name}`).toBeGreaterThan(0);
      for (const col of config.columns) {
        const found = actual.find((a) => a.column_name === col.name);
        expect(found, `${config.name}.${col.name}`).toBeDefined();
        expect(found!.data_type, `${config.name}.${col.name} type`).toBe(normalise(col.getSQLType()));
        expect(found!.is_nullable === 'NO', `${config.name}.${col.name} not null`).toBe(col.notNull);
      }
    }
  });
});
