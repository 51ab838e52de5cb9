import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type NotifyChannel = 'sms' | 'email' | 'inapp';

/** A citizen is a `users` row with role 'citizen' (sessions work unchanged) plus this profile. */
export const citizens = pgTable(
  'citizens',
  {
    /** = users.id (foreign key in the migration). */
    userId: uuid('user_id').primaryKey(),
    phone: text('phone').notNull(),
    oidcSubject: text('oidc_subject'),
    idNumber: text('id_number'),
    fullName: text('full_name'),
    email: text('email'),
    language: text('language').$type<'vi' | 'en' | 'id'>().notNull().default('vi'),
    channels: text('channels').array().$type<NotifyChannel[]>().notNull().default(['sms', 'inapp']),
    /** Set when the citizen is a registered volunteer of a center's digital-support team. */
    volunteerCenterId: uuid('volunteer_center_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('citizens_phone_uq').on(t.phone), uniqueIndex('citizens_oidc_uq').on(t.oidcSubject)],
);

/** One-time sign-in codes; only the hash is stored. */
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: uuid('id').primaryKey(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    /** The code until its SMS is handed to the gateway (then null); only the hash is kept for checking. */
    smsCode: text('sms_code'),
  },
  (t) => [index('otp_challenges_phone_idx').on(t.phone, t.createdAt), index('otp_challenges_ip_idx').on(t.ip, t.createdAt)],
);

export type ConsentPurpose = 'population_prefill' | 'assisted_filing';

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.userId),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    /** The citizen themself, or the officer / volunteer who recorded the consent. */
    recordedBy: uuid('recorded_by').notNull(),
    statement: text('statement').notNull(),
  },
  (t) => [index('consents_citizen_idx').on(t.citizenId, t.purpose, t.givenAt)],
);

export type DraftData = {
  applicant?: Record<string, unknown>;
  fields?: Record<string, string>;
  /** Checklist item → the citizen file attached (upload, earlier result) or 'population_db'. */
  attachments?: Record<string, { fileId?: string; source: 'upload' | 'document_store' | 'earlier_result' | 'population_db' }>;
  populationUsed?: boolean;
};

export const citizenDrafts = pgTable(
  'citizen_drafts',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.userId),
    procedureCode: text('procedure_code').notNull(),
    centerId: uuid('center_id').notNull(),
    data: jsonb('data').$type<DraftData>().notNull(),
    helperId: uuid('helper_id'),
    version: integer('version').notNull().default(1),
    submittedDossierId: uuid('submitted_dossier_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_drafts_citizen_idx').on(t.citizenId, t.updatedAt)],
);

/** The citizen's document store: resumable uploads (bytes received so far) and earlier results. */
export const citizenFiles = pgTable(
  'citizen_files',
  {
    id: uuid('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.userId),
    itemId: text('item_id'),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    received: integer('received').notNull().default(0),
    fileKey: text('file_key').notNull(),
    sha256: text('sha256'),
    status: text('status', { enum: ['uploading', 'complete', 'rejected'] }).notNull(),
    source: text('source', { enum: ['upload', 'result'] }).notNull().default('upload'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('citizen_files_citizen_idx').on(t.citizenId, t.createdAt)],
);

/** Per online dossier: who filed it, who helped and with which consent, and the once-only flags scoring reads. */
export const dossierOnline = pgTable(
  'dossier_online',
  {
    dossierId: uuid('dossier_id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.userId),
    draftId: uuid('draft_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    helperId: uuid('helper_id'),
    helperRole: text('helper_role'),
    consentId: uuid('consent_id'),
    populationDataUsed: boolean('population_data_used').notNull().default(false),
    reusedComponents: integer('reused_components').notNull().default(0),
  },
  (t) => [index('dossier_online_citizen_idx').on(t.citizenId, t.submittedAt)],
);

export type ReuseSource = 'population_db' | 'earlier_result' | 'document_store';

/** Each component taken from data already held instead of asking the citizen again. */
export const dossierReuse = pgTable(
  'dossier_reuse',
  {
    dossierId: uuid('dossier_id').notNull(),
    itemId: text('item_id').notNull(),
    source: text('source').$type<ReuseSource>().notNull(),
    ref: text('ref'),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.itemId] })],
);
