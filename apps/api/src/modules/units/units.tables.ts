import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WorkingHours } from '@motcua/contracts';

/** The 34 provinces and centrally-run cities (GSO codes, after Resolution 202/2025/QH15). */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  fullName: text('full_name').notNull(),
  nameEn: text('name_en').notNull(),
  unitType: text('unit_type').notNull(),
});

/** The 3,321 communes, wards and special zones. */
export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en').notNull(),
    unitType: text('unit_type').notNull(),
  },
  (t) => [index('communes_province_idx').on(t.provinceCode, t.code)],
);

/** A Public Administrative Service Center of a commune or of a province. */
export const centers = pgTable(
  'centers',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    communeCode: text('commune_code').references(() => communes.code),
    agencyCode: text('agency_code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['commune', 'province'] }).notNull(),
    address: text('address').notNull().default(''),
    workingHours: jsonb('working_hours').$type<WorkingHours>().notNull(),
    /** ISO weekdays of the no-appointment day (a leader sits at intake; eligible results same day). */
    noAppointmentWeekdays: smallint('no_appointment_weekdays').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('centers_agency_code_uq').on(t.agencyCode),
    index('centers_province_idx').on(t.provinceCode),
    check('centers_commune_level_ck', sql`${t.level} = 'province' or ${t.communeCode} is not null`),
  ],
);

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('counters_center_number_uq').on(t.provinceCode, t.centerId, t.number)],
);

/** Service groups of a center; procedures are assigned to one and counters serve some. */
export const serviceGroups = pgTable(
  'service_groups',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('service_groups_center_code_uq').on(t.centerId, t.code)],
);

/** Procedures a center decides on the spot on its no-appointment days. */
export const centerSameDayProcedures = pgTable(
  'center_same_day_procedures',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    procedureCode: text('procedure_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.procedureCode] })],
);
