import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ScoreConfig } from '@motcua/contracts';

/** The 766 weights, caps and star thresholds a province uses (absent: the portal's defaults). */
export const reportConfig = pgTable('report_config', {
  provinceCode: text('province_code').primaryKey(),
  config: jsonb('config').$type<ScoreConfig>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
});

/**
 * One row per dossier with every flag the formulas need. A trigger (migration 0014) adds each
 * row's contribution to `report_daily` and takes the old one back on update, so rollups are exact.
 */
export const reportDossierFacts = pgTable(
  'report_dossier_facts',
  {
    code: text('code').primaryKey(),
    dossierId: uuid('dossier_id'),
    source: text('source', { enum: ['live', 'import'] }).notNull(),
    provinceCode: text('province_code').notNull(),
    /** Commune code, or the agency code of a province-level center. */
    unitCode: text('unit_code').notNull(),
    centerId: uuid('center_id'),
    officerId: uuid('officer_id'),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    sector: text('sector').notNull(),
    channel: smallint('channel').notNull(),
    outreach: boolean('outreach').notNull().default(false),
    status: text('status').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** From this instant the dossier counts as late while still open. */
    lateFrom: timestamp('late_from', { withTimezone: true }),
    receivedDay: date('received_day', { mode: 'string' }).notNull(),
    handledDay: date('handled_day', { mode: 'string' }),
    returnedDay: date('returned_day', { mode: 'string' }),
    endDay: date('end_day', { mode: 'string' }),
    lateDay: date('late_day', { mode: 'string' }),
    /** Accepted into processing (has a legal clock): counts as "in progress" until it ends. */
    inStock: boolean('in_stock').notNull(),
    outcome: text('outcome', { enum: ['early', 'on_time', 'late'] }),
    /** 766: handled early or on time with at most one supplement request. */
    onTime: boolean('on_time'),
    supplementCount: integer('supplement_count').notNull().default(0),
    processingDays: doublePrecision('processing_days'),
    feeTotal: integer('fee_total').notNull().default(0),
    paidOnline: boolean('paid_online').notNull().default(false),
    returnsDocument: boolean('returns_document').notNull().default(true),
    hasEResult: boolean('has_e_result').notNull().default(false),
    digitized: boolean('digitized').notNull().default(false),
    reusedComponent: boolean('reused_component').notNull().default(false),
    citizenStore: boolean('citizen_store').notNull().default(false),
    populationData: boolean('population_data').notNull().default(false),
    certification: boolean('certification').notNull().default(false),
    eCertifiedCopy: boolean('e_certified_copy').notNull().default(false),
    syncedToPortal: boolean('synced_to_portal').notNull().default(false),
    /** 1 dissatisfied, 2 satisfied, 3 very satisfied. */
    rating: smallint('rating'),
    hasPetition: boolean('has_petition').notNull().default(false),
    noAppointment: boolean('no_appointment').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('report_facts_dossier_uq').on(t.dossierId),
    index('report_facts_unit_received_idx').on(t.unitCode, t.receivedDay),
    index('report_facts_unit_handled_idx').on(t.unitCode, t.handledDay),
  ],
);

const n = (name: string) => integer(name).notNull().default(0);

/** Per unit and local day; see migration 0014 for which day each column is counted on. */
export const reportDaily = pgTable(
  'report_daily',
  {
    provinceCode: text('province_code').notNull(),
    unitCode: text('unit_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    received: n('received'),
    accepted: n('accepted'),
    online: n('online'),
    withFee: n('with_fee'),
    paidOnline: n('paid_online'),
    returnsDocument: n('returns_document'),
    eResult: n('e_result'),
    digitized: n('digitized'),
    digitizedEResult: n('digitized_e_result'),
    reused: n('reused'),
    citizenStore: n('citizen_store'),
    population: n('population'),
    certification: n('certification'),
    eCertifiedCopy: n('e_certified_copy'),
    synced: n('synced'),
    outreach: n('outreach'),
    noAppointment: n('no_appointment'),
    handled: n('handled'),
    handledOnTime: n('handled_on_time'),
    early: n('early'),
    onTime: n('on_time'),
    late: n('late'),
    handledBad: n('handled_bad'),
    processingDays: doublePrecision('processing_days').notNull().default(0),
    processingCounted: n('processing_counted'),
    noAppointmentSameDay: n('no_appointment_same_day'),
    outreachOnSpot: n('outreach_on_spot'),
    rated: n('rated'),
    dissatisfied: n('dissatisfied'),
    returned: n('returned'),
    ended: n('ended'),
    lateEnded: n('late_ended'),
    wentLate: n('went_late'),
    petitions: n('petitions'),
    petitionsOnTime: n('petitions_on_time'),
    petitionsBad: n('petitions_bad'),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.day] }), index('report_daily_province_idx').on(t.provinceCode, t.day)],
);

/** Bit d−1 of a mask = it happened on day d of the month; unit code = province code for the province. */
export const reportProcedureMonths = pgTable(
  'report_procedure_months',
  {
    provinceCode: text('province_code').notNull(),
    unitCode: text('unit_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    anyDays: bigint('any_days', { mode: 'number' }).notNull().default(0),
    onlineDays: bigint('online_days', { mode: 'number' }).notNull().default(0),
    paidDays: bigint('paid_days', { mode: 'number' }).notNull().default(0),
    populationDays: bigint('population_days', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.month, t.procedureCode] })],
);

export const reportDirtyMonths = pgTable(
  'report_dirty_months',
  {
    provinceCode: text('province_code').notNull(),
    unitCode: text('unit_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.month] })],
);

export const reportPetitions = pgTable('report_petitions', {
  id: uuid('id').primaryKey(),
  provinceCode: text('province_code').notNull(),
  unitCode: text('unit_code').notNull(),
  dossierCode: text('dossier_code'),
  receivedDay: date('received_day', { mode: 'string' }).notNull(),
  onTime: boolean('on_time').notNull(),
  bad: boolean('bad').notNull(),
});
