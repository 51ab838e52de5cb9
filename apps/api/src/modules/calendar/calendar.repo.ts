import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { CalendarDayStatus } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { calendarAudit, calendarDays, calendarYears } from './calendar.tables.ts';

export type DayRow = typeof calendarDays.$inferSelect;
export type YearRow = typeof calendarYears.$inferSelect;
export type AuditRow = typeof calendarAudit.$inferInsert;

export async function allDays(db: Db): Promise<DayRow[]> {
  return db.select().from(calendarDays).orderBy(asc(calendarDays.date));
}

export async function allYears(db: Db): Promise<YearRow[]> {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findDay(db: Db, date: string): Promise<DayRow | null> {
  return (await db.select().from(calendarDays).where(eq(calendarDays.date, date)))[0] ?? null;
}

export async function findYear(db: Db, year: number): Promise<YearRow | null> {
  return (await db.select().from(calendarYears).where(eq(calendarYears.year, year)))[0] ?? null;
}

export async function upsertDay(db: Db, row: DayRow): Promise<void> {
  const { date: _date, ...set } = row;
  await db.insert(calendarDays).values(row).onConflictDoUpdate({ target: calendarDays.date, set });
}

export async function insertDaysIfAbsent(db: Db, rows: DayRow[]): Promise<DayRow[]> {
  if (rows.length === 0) return [];
  return db.insert(calendarDays).values(rows).onConflictDoNothing().returning();
}

export async function deleteDay(db: Db, date: string): Promise<void> {
  await db.delete(calendarDays).where(eq(calendarDays.date, date));
}

export async function confirmProposedDays(db: Db, year: number, at: Date, by: string): Promise<number> {
  const rows = await db
    .update(calendarDays)
    .set({ status: 'confirmed', updatedAt: at, updatedBy: by })
    .where(and(eq(calendarDays.year, year), eq(calendarDays.status, 'proposed')))
    .returning({ date: calendarDays.date });
  return rows.length;
}

export async function upsertYear(db: Db, row: { year: number; status: CalendarDayStatus; updatedAt: Date; updatedBy: string }): Promise<void> {
  await db
    .insert(calendarYears)
    .values(row)
    .onConflictDoUpdate({ target: calendarYears.year, set: { status: row.status, updatedAt: row.updatedAt, updatedBy: row.updatedBy } });
}

export async function insertAudit(db: Db, row: AuditRow): Promise<void> {
  await db.insert(calendarAudit).values(row);
}

export async function listAudit(db: Db, year: number | undefined, limit: number) {
  return db
    .select()
    .from(calendarAudit)
    .where(year === undefined ? undefined : eq(calendarAudit.year, year))
    .orderBy(desc(calendarAudit.at), desc(calendarAudit.id))
    .limit(limit);
}

export async function countDays(db: Db, year: number): Promise<number> {
  return (await db.select({ n: count() }).from(calendarDays).where(eq(calendarDays.year, year)))[0]?.n ?? 0;
}
