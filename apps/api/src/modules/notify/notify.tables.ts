import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every notification to a citizen (SMS, e-mail, in-app) with its delivery status, and staff in-app
 * notices (no citizen; the recipient is the staff user's id).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id'),
    dossierId: uuid('dossier_id'),
    event: text('event').notNull(),
    channel: text('channel', { enum: ['sms', 'email', 'inapp'] }).notNull(),
    recipient: text('recipient').notNull(),
    lang: text('lang').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed', 'read'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_citizen_idx').on(t.citizenId, t.createdAt),
    index('notifications_dossier_idx').on(t.dossierId),
    index('notifications_staff_idx').on(t.recipient, t.createdAt).where(sql`citizen_id is null and channel = 'inapp'`),
  ],
);
