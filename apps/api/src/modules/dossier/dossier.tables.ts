import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Applicant, TimeLimit } from '@motcua/contracts';
import type { Status, Step } from './dossier.states.ts';

/** Every state but the four after which the center has nothing left to do (the inbox's "open"). */
export const openForInbox = (status: AnyPgColumn) => sql`${status} not in ('not_accepted', 'withdrawn', 'stopped', 'returned')`;
/** Received at one center for another (boundary-free procedures). */
export const receivedElsewhere = (competentCenterId: AnyPgColumn, centerId: AnyPgColumn) => sql`${competentCenterId} <> ${centerId}`;

/** A dossier (hồ sơ). `version` is bumped by every change: writers compare-and-set on it. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    competentCenterId: uuid('competent_center_id').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureVersionId: uuid('procedure_version_id').notNull(),
    procedureName: text('procedure_name').notNull(),
    channel: smallint('channel').notNull(),
    status: text('status').$type<Status>().notNull(),
    step: text('step').$type<Step>(),
    resumeState: text('resume_state'),
    applicant: jsonb('applicant').$type<Applicant>().notNull(),
    timeLimit: jsonb('time_limit').$type<TimeLimit>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    clockStartsAt: timestamp('clock_starts_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    originalDueAt: timestamp('original_due_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    remainingSeconds: integer('remaining_seconds'),
    supplementCount: integer('supplement_count').notNull().default(0),
    apologyCount: integer('apology_count').notNull().default(0),
    assigneeId: uuid('assignee_id'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    outcome: text('outcome', { enum: ['early', 'on_time', 'late'] }),
    feeTotal: integer('fee_total').notNull().default(0),
    feePaid: boolean('fee_paid').notNull().default(false),
    ticketId: uuid('ticket_id'),
    parentId: uuid('parent_id'),
    /** An agency outside the center that decides this (child) dossier, e.g. 'police'. */
    externalAgency: text('external_agency'),
    bundleRole: text('bundle_role', { enum: ['parent', 'child'] }),
    /** Received on a no-appointment day for an eligible procedure: to be decided on the spot. */
    noAppointment: boolean('no_appointment').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_center_status_idx').on(t.centerId, t.status, t.dueAt),
    index('dossiers_assignee_idx').on(t.assigneeId, t.dueAt),
    // The inbox reads open work only, in deadline order (migration 0019).
    index('dossiers_open_center_idx').on(t.centerId, t.dueAt, t.code).where(openForInbox(t.status)),
    index('dossiers_open_competent_idx').on(t.competentCenterId, t.dueAt, t.code).where(sql`${openForInbox(t.status)} and ${receivedElsewhere(t.competentCenterId, t.centerId)}`),
    index('dossiers_open_assignee_idx').on(t.assigneeId, t.dueAt, t.code).where(openForInbox(t.status)),
  ],
);

/** Append-only, hash-chained history: timeline, audit trail and control sheet in one. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    data: jsonb('data').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('dossier_events_seq_uq').on(t.dossierId, t.seq)],
);

/** Per agency and local day, the last dossier number handed out. */
export const dossierSequences = pgTable(
  'dossier_sequences',
  {
    agencyCode: text('agency_code').notNull(),
    day: text('day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

/** Form 04 drafts prepared one working day before a deadline that will be missed. */
export const apologyDrafts = pgTable(
  'apology_drafts',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id),
    centerId: uuid('center_id').notNull(),
    draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The state that consumed the most working time: where the delay came from. */
    causeState: text('cause_state').notNull(),
    causeWorkingSeconds: integer('cause_working_seconds').notNull(),
    status: text('status', { enum: ['open', 'signed', 'dismissed'] }).notNull().default('open'),
  },
  (t) => [index('apology_drafts_center_idx').on(t.centerId, t.status)],
);

/** Scanned or uploaded documents; the bytes live in file storage under `file_key`. */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    itemId: text('item_id').notNull(),
    fileKey: text('file_key').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dossier_files_dossier_idx').on(t.dossierId, t.itemId)],
);

/**
 * Counter intakes sent with an Idempotency-Key: a retry of the same intake (the answer was lost on
 * a bad connection, or the API died after commit) gets the dossier already made, not a second one.
 */
export const intakeKeys = pgTable(
  'intake_keys',
  {
    centerId: uuid('center_id').notNull(),
    key: text('key').notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    procedureCode: text('procedure_code').notNull(),
    idNumber: text('id_number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.key] })],
);
