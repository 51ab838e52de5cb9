import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CalendarDayKind, CalendarDayStatus } from '@motcua/contracts';

/**
 * The national official calendar: only the days that depart from the Monday–Friday rule (holidays,
 * Tết, substitute and government days off, worked Saturdays). One row per date.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').$type<CalendarDayKind>().notNull(),
    name: text('name').notNull(),
    status: text('status').$type<CalendarDayStatus>().notNull(),
    source: text('source').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    index('calendar_days_year_idx').on(t.year),
    check('calendar_days_year_ck', sql`${t.year} = extract(year from ${t.date})`),
    check('calendar_days_kind_ck', sql`${t.kind} in ('holiday', 'tet', 'substitute_off', 'government_off', 'working_saturday')`),
    check('calendar_days_status_ck', sql`${t.status} in ('confirmed', 'proposed')`),
  ],
);

/** A year's data as a whole: proposed (computed) until an admin confirms it against the official notice. */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    status: text('status').$type<CalendarDayStatus>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [check('calendar_years_status_ck', sql`${t.status} in ('confirmed', 'proposed')`)],
);

/** Every admin change to the calendar, with the row before and after. Never updated or deleted. */
export const calendarAudit = pgTable(
  'calendar_audit',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').notNull(),
    username: text('username').notNull(),
    provinceCode: text('province_code').notNull(),
    action: text('action').notNull(),
    date: date('date', { mode: 'string' }),
    year: integer('year').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('calendar_audit_year_idx').on(t.year, t.at)],
);
