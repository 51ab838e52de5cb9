import { getTableColumns, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from './client.ts';

/**
 * Rows of `table` from hand-written SQL that selects all its columns (`select * from …`), decoded
 * column by column exactly as drizzle's own select decodes them, on PGlite and on PostgreSQL. For
 * hot lists only: drizzle's generic result mapping cost about 10 ms of CPU per 500 dossiers, ten
 * times the decoding itself (measured on the staff inbox).
 */
export async function tableRows<T extends PgTable>(db: Db, table: T, query: SQL): Promise<T['$inferSelect'][]> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name, column] as const);
  return rowsOf<Record<string, unknown>>(await db.execute(query)).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of columns) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  });
}
