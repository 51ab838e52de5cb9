import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What the National Public Service Portal has acknowledged, per dossier. A dossier is "synced to the
 * portal" when `last_acked_seq` reaches the seq of its latest event (see `portalSyncOf`).
 */
export const syncState = pgTable(
  'sync_state',
  {
    /** References dossiers(id) in the migration; a module may not import another module's tables. */
    dossierId: uuid('dossier_id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    lastAckedSeq: integer('last_acked_seq').notNull(),
    /** The portal status code (1-10) of the acknowledged record. */
    portalStatus: smallint('portal_status').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    ackedAt: timestamp('acked_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sync_state_center_idx').on(t.provinceCode, t.centerId)],
);

/** Targets a change is delivered to: the portal, the two sector systems, integrators' webhooks. */
export const syncTargets = ['portal', 'civil_status', 'household_business', 'webhook'] as const;
export type SyncTarget = (typeof syncTargets)[number];

/** One row per acknowledged change and target: the lag percentiles per center. */
export const syncAcks = pgTable(
  'sync_acks',
  {
    target: text('target', { enum: syncTargets }).notNull(),
    dossierId: uuid('dossier_id').notNull(),
    seq: integer('seq').notNull(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    ackedAt: timestamp('acked_at', { withTimezone: true }).notNull(),
    lagMs: integer('lag_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.target, t.dossierId, t.seq] }), index('sync_acks_center_idx').on(t.provinceCode, t.centerId, t.ackedAt)],
);

/** Cumulative counters shared by every worker process; /metrics reads them. */
export const syncCounters = pgTable(
  'sync_counters',
  {
    target: text('target').notNull(),
    name: text('name').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.target, t.name] })],
);

/** Integrators' URLs (per province) that receive HMAC-signed dossier events. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('webhook_subscriptions_province_idx').on(t.provinceCode, t.active)],
);

export type Difference = { dossierId: string; code: string; kind: 'missing' | 'stale' | 'mismatch' | 'unknown'; fields?: string[]; ours?: unknown; portal?: unknown };

/** Each comparison of the portal's records with ours, and the differences found. */
export const syncReconciliations = pgTable(
  'sync_reconciliations',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    checked: integer('checked').notNull(),
    differences: jsonb('differences').$type<Difference[]>().notNull(),
  },
  (t) => [index('sync_reconciliations_province_idx').on(t.provinceCode, t.ranAt)],
);

/** When each dossier's last dead-letter alert went out: at most one an hour per dossier. */
export const syncAlerts = pgTable('sync_alerts', {
  dossierId: uuid('dossier_id').primaryKey(),
  alertedAt: timestamp('alerted_at', { withTimezone: true }).notNull(),
});

/**
 * A province admin has seen a dead letter. It counts only if given after the message's latest
 * death, so a change that is retried and dies again is listed again.
 */
export const syncDeadLetterAcks = pgTable('sync_dead_letter_acks', {
  messageId: uuid('message_id').primaryKey(),
  acknowledgedBy: uuid('acknowledged_by').notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
});
