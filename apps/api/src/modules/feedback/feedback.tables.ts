import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PetitionStatus } from './petition.states.ts';

export type Level = 'very_satisfied' | 'satisfied' | 'dissatisfied';

/** The citizen's rating of how a returned dossier was handled: one per dossier. */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    dossierId: uuid('dossier_id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    overall: text('overall').$type<Level>().notNull(),
    timeRating: text('time_rating').$type<Level>(),
    attitudeRating: text('attitude_rating').$type<Level>(),
    visitsRating: text('visits_rating').$type<Level>(),
    transparencyRating: text('transparency_rating').$type<Level>(),
    comment: text('comment'),
    channel: text('channel', { enum: ['online', 'counter', 'kiosk'] }).notNull(),
    ratedBy: uuid('rated_by'),
    ticketId: uuid('ticket_id'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dossier_ratings_center_idx').on(t.centerId, t.ratedAt)],
);

/** A petition (phản ánh, kiến nghị — PAKN): complaint or suggestion, with its own legal deadlines. */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    dossierId: uuid('dossier_id'),
    dossierCodeGiven: text('dossier_code_given'),
    kind: text('kind', { enum: ['complaint', 'suggestion'] }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    submitterName: text('submitter_name'),
    anonymous: boolean('anonymous').notNull(),
    /** The sender agreed that, once answered, anyone with the code may read it (initials only). */
    publish: boolean('publish').notNull().default(false),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    citizenId: uuid('citizen_id'),
    /** SHA-256 of the secret given to the submitter once (to follow up without an account). */
    secretHash: text('secret_hash').notNull(),
    status: text('status').$type<PetitionStatus>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    refuseBy: timestamp('refuse_by', { withTimezone: true }).notNull(),
    infoBy: timestamp('info_by', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    infoRequest: text('info_request'),
    infoRequestedAt: timestamp('info_requested_at', { withTimezone: true }),
    infoReply: text('info_reply'),
    infoRepliedAt: timestamp('info_replied_at', { withTimezone: true }),
    answer: text('answer'),
    refusalReason: text('refusal_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    handledBy: uuid('handled_by'),
    outcome: text('outcome', { enum: ['on_time', 'late'] }),
    satisfaction: text('satisfaction', { enum: ['satisfied', 'dissatisfied'] }),
    satisfactionAt: timestamp('satisfaction_at', { withTimezone: true }),
    repeatOf: uuid('repeat_of'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('petitions_code_uq').on(t.code), index('petitions_center_idx').on(t.centerId, t.status, t.dueAt), index('petitions_contact_idx').on(t.contactPhone, t.receivedAt)],
);

export const petitionSequences = pgTable(
  'petition_sequences',
  {
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.year] })],
);
