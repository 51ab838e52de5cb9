import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Server-side secrets generated once per database by migration 0011 (e.g. 'tracking'). */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Failed public tracking look-ups per dossier code, known or not: the lockout reveals nothing. */
export const trackingFailures = pgTable('tracking_failures', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
});
