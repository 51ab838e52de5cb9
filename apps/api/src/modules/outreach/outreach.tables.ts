import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OutreachConflict } from '@motcua/contracts';

/** A mobile session: where and when, who goes, which procedures are offered there. */
export const outreachSessions = pgTable(
  'outreach_sessions',
  {
    id: uuid('id').primaryKey(),
    centerId: uuid('center_id').notNull(),
    place: text('place').notNull(),
    sessionDate: date('session_date', { mode: 'string' }).notNull(),
    team: jsonb('team').$type<string[]>().notNull(),
    procedureCodes: jsonb('procedure_codes').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('outreach_sessions_center_idx').on(t.centerId, t.sessionDate)],
);

/** Idempotency: the device's key → the official dossier, or the conflict the officer must see. */
export const outreachSubmissions = pgTable(
  'outreach_submissions',
  {
    key: uuid('key').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    localNumber: text('local_number').notNull(),
    procedureCode: text('procedure_code').notNull(),
    state: text('state', { enum: ['synced', 'conflict'] }).notNull(),
    dossierId: uuid('dossier_id'),
    onSpot: boolean('on_spot').notNull().default(false),
    conflict: jsonb('conflict').$type<OutreachConflict>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    syncedBy: uuid('synced_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('outreach_submissions_session_idx').on(t.sessionId)],
);

/** A photo taken offline, sent in chunks (Upload-Offset) and checked against its declared SHA-256. */
export const outreachUploads = pgTable(
  'outreach_uploads',
  {
    id: uuid('id').primaryKey(),
    submissionKey: uuid('submission_key').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    itemId: text('item_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    received: integer('received').notNull().default(0),
    status: text('status', { enum: ['uploading', 'complete'] }).notNull(),
    fileId: uuid('file_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('outreach_uploads_declared_idx').on(t.submissionKey, t.itemId, t.sha256)],
);

export type SessionRow = typeof outreachSessions.$inferSelect;
export type SubmissionRow = typeof outreachSubmissions.$inferSelect;
export type UploadRow = typeof outreachUploads.$inferSelect;
