import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
import type { ProcedureContent } from '@motcua/contracts';

/** A procedure by its official code; what it says lives in its versions. */
export const procedures = pgTable(
  'procedures',
  {
  code: text('code').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** From this instant the procedure is no longer offered (absent from a full catalog import). */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  /** Search shortcut: the version in force when last published, and when a later one takes over. */
  currentVersionId: uuid('current_version_id'),
  nextVersionAt: timestamp('next_version_at', { withTimezone: true }),
  },
  (t) => [
    index('procedures_current_version_idx').on(t.currentVersionId),
    index('procedures_next_version_idx').on(t.nextVersionAt).where(sql`${t.nextVersionAt} is not null`),
  ],
);

/**
 * One published state of a procedure. Rows are never updated: a change is a new row, so a dossier
 * pinned to a version id keeps exactly what it was received under. The plain columns repeat parts
 * of `content` for filtering and search.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid('id').primaryKey(),
    code: text('code')
      .notNull()
      .references(() => procedures.code),
    version: integer('version').notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
    source: text('source', { enum: ['seed', 'import', 'edit'] }).notNull(),
    changeNote: text('change_note').notNull(),
    content: jsonb('content').$type<ProcedureContent>().notNull(),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    levels: text('levels').array().notNull(),
    onlineLevel: text('online_level').notNull(),
    boundaryFree: boolean('boundary_free').notNull(),
    /** lower(f_unaccent(name)) without the leading "thủ tục": what a citizen types. */
    searchName: text('search_name').notNull(),
    /** searchName plus the sector and code, for word matches. */
    searchText: text('search_text').notNull(),
    /** The words of searchText, for the GIN-indexed match. */
    searchTsv: tsvector('search_tsv').notNull(),
  },
  (t) => [uniqueIndex('procedure_versions_code_version_uq').on(t.code, t.version), index('procedure_versions_current_idx').on(t.code, t.effectiveFrom, t.version)],
);

/** Every word of the catalog and its one-letter deletions, for typo-tolerant matching. */
export const catalogTerms = pgTable('catalog_terms', { variant: text('variant').notNull(), term: text('term').notNull() }, (t) => [
  primaryKey({ columns: [t.variant, t.term] }),
]);

/** A doubtful reading of the source for an admin to confirm or correct. */
export const procedureFlags = pgTable(
  'procedure_flags',
  {
    id: uuid('id').primaryKey(),
    code: text('code')
      .notNull()
      .references(() => procedures.code),
    versionId: uuid('version_id')
      .notNull()
      .references(() => procedureVersions.id),
    field: text('field').notNull(),
    message: text('message').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution', { enum: ['confirmed', 'edited', 'superseded'] }),
    note: text('note'),
  },
  (t) => [index('procedure_flags_open_idx').on(t.code, t.resolvedAt)],
);

/** Which procedures a center offers, and which service group (queue letter) handles each. */
export const centerProcedures = pgTable(
  'center_procedures',
  {
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    code: text('code')
      .notNull()
      .references(() => procedures.code),
    serviceGroupId: uuid('service_group_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.code] }), index('center_procedures_code_idx').on(t.code)],
);

/** An uploaded catalog file: parsed and previewed first, applied later in one transaction. */
export const catalogImports = pgTable('catalog_imports', {
  id: uuid('id').primaryKey(),
  provinceCode: text('province_code').notNull(),
  fileName: text('file_name').notNull(),
  format: text('format', { enum: ['csv', 'json'] }).notNull(),
  mode: text('mode', { enum: ['partial', 'full'] }).notNull(),
  status: text('status', { enum: ['previewed', 'applied', 'stale'] }).notNull(),
  effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
  /** Parsed rows and the diff shown to the admin; applying re-checks it against the catalog. */
  plan: jsonb('plan').notNull(),
  /** Catalog revision (last version published) the plan was computed against. */
  baseRevision: text('base_revision').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});
