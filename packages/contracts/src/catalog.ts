import { z } from 'zod';
import { TimeLimit } from './time-limit.ts';

/** Official procedure code: `1.001193`, or province-suffixed such as `1.012753.H19`. */
export const ProcedureCode = z.string().regex(/^\d{1,2}\.\d{6}(\.[A-Z0-9]{1,10})?$/, 'a procedure code such as 1.001193');

/** How a dossier reaches the center; matches the portal's KenhThucHien 1 / 2 / 3. */
export const Channel = z.enum(['counter', 'online', 'postal']);
export type Channel = z.infer<typeof Channel>;

/** Decree 42/2022: toàn trình (full), một phần (partial), or no online service. */
export const OnlineLevel = z.enum(['full', 'partial', 'none']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/** Implementing level (cấp thực hiện); a procedure may be done at several. */
export const ProcedureLevel = z.enum(['commune', 'province', 'ministry', 'other']);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/** Who decides, coarsely: lets a center route a boundary-free dossier. */
export const AgencyType = z.enum(['commune', 'province', 'central', 'other']);
export type AgencyType = z.infer<typeof AgencyType>;

/** One fee or charge (phí, lệ phí) in whole đồng. */
export const FeeLine = z.object({
  label: z.string().max(300),
  amount: z.number().int().min(0).max(10_000_000_000),
});
export type FeeLine = z.infer<typeof FeeLine>;

const terms = {
  /** null: the source states no usable time limit (see `timeLimitText` and the review flags). */
  timeLimit: TimeLimit.nullable(),
  /** The time limit as published, e.g. "15 Ngày"; kept so a reading can always be checked. */
  timeLimitText: z.string().max(200),
  /** null: fees not stated; [] free of charge. */
  fees: z.array(FeeLine).max(20).nullable(),
  /** The fee as published, e.g. "70,000 VNĐ" or "Miễn phí". */
  feeText: z.string().max(200),
  note: z.string().max(5000),
};

/** Time and fees for one channel; `cases` holds further limits the source lists for the same channel. */
export const ChannelTerms = z.object({
  channel: Channel,
  ...terms,
  cases: z.array(z.object(terms)).max(20),
});
export type ChannelTerms = z.infer<typeof ChannelTerms>;

/** One item of the dossier (thành phần hồ sơ). `id` is stable across versions of the procedure. */
export const DocumentItem = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/),
  name: z.string().min(1).max(5000),
  /** The case heading it is listed under ("Trường hợp ủy quyền…"), or null for the main list. */
  group: z.string().max(1000).nullable(),
  /** submit = nộp (kept in the dossier); present = xuất trình (shown and handed back). */
  kind: z.enum(['submit', 'present']),
  originals: z.number().int().min(0).max(100),
  copies: z.number().int().min(0).max(100),
  requirement: z.enum(['mandatory', 'conditional']),
  /** Must be scanned into the e-dossier (Circular 01/2023). */
  digitise: z.boolean(),
  /** Where the center may fetch it instead of asking the citizen. */
  reuse: z.enum(['none', 'population_db', 'earlier_result']),
  /** File name of the official form (mẫu đơn, tờ khai), if any. */
  form: z.string().max(300).nullable(),
  /**
   * The channels it is asked for, when the text limits it ("nếu … nộp hồ sơ theo hình thức trực
   * tuyến": the interactive e-form, online only); absent = every channel.
   */
  channels: z.array(Channel).min(1).max(3).optional(),
});
export type DocumentItem = z.infer<typeof DocumentItem>;

export const ResultDocument = z.object({ code: z.string().max(40).nullable(), name: z.string().min(1).max(3000) });
export type ResultDocument = z.infer<typeof ResultDocument>;

export const LegalBasis = z.object({ title: z.string().max(2000), number: z.string().max(200) });
export type LegalBasis = z.infer<typeof LegalBasis>;

/** Everything a version says about a procedure; versions are immutable once published. */
export const ProcedureContent = z.object({
  name: z.string().trim().min(1).max(3000),
  sector: z.string().trim().min(1).max(300),
  ministry: z.string().max(300),
  levels: z.array(ProcedureLevel).min(1),
  procedureType: z.string().max(300),
  decisionNumber: z.string().max(200),
  applicantTypes: z.array(z.string().max(300)).max(50),
  competentAgency: z.string().max(2000),
  agencyType: AgencyType,
  channels: z.array(ChannelTerms).max(3),
  onlineLevel: OnlineLevel,
  /** Received at any center of the province (Decree 118/2025), not only where the applicant lives. */
  boundaryFree: z.boolean(),
  documents: z.array(DocumentItem).max(300),
  /** Remarks that sit in the document list but are not documents ("Lưu ý"). */
  documentNotes: z.array(z.string().max(5000)).max(300),
  results: z.array(ResultDocument).max(50),
  steps: z.array(z.string().max(10_000)).max(200),
  legalBasis: z.array(LegalBasis).max(100),
  conditions: z.string().max(50_000),
  sourceUrl: z.string().max(500),
});
export type ProcedureContent = z.infer<typeof ProcedureContent>;

/** Something the importer read with doubt; an admin confirms or corrects it. */
export const ReviewFlag = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  field: z.string(),
  message: z.string(),
  raisedAt: z.iso.datetime(),
  versionId: z.uuid(),
});
export type ReviewFlag = z.infer<typeof ReviewFlag>;

export const VersionSource = z.enum(['seed', 'import', 'edit']);

export const ProcedureVersion = ProcedureContent.extend({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int().min(1),
  effectiveFrom: z.iso.datetime(),
  publishedAt: z.iso.datetime(),
  source: VersionSource,
  changeNote: z.string(),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;

/** A procedure as the public sees it: its version in force, and open review flags for staff. */
export const ProcedureDetail = ProcedureVersion.extend({
  retiredAt: z.iso.datetime().nullable(),
  openFlags: z.array(z.object({ id: z.uuid(), field: z.string(), message: z.string() })),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const ProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  sector: z.string(),
  /** The lowest level that implements it (where a citizen goes first). */
  level: ProcedureLevel,
  levels: z.array(ProcedureLevel),
  onlineLevel: OnlineLevel,
  boundaryFree: z.boolean(),
  versionId: z.uuid(),
  version: z.number().int(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  sector: z.string().trim().max(300).optional(),
  level: ProcedureLevel.optional(),
  onlineLevel: OnlineLevel.optional(),
  centerId: z.uuid().optional(),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuery>;

export const ProcedureSearchResult = z.object({ items: z.array(ProcedureSummary), total: z.number().int() });
export type ProcedureSearchResult = z.infer<typeof ProcedureSearchResult>;

export const SectorCount = z.object({ sector: z.string(), count: z.number().int() });

export const VersionListItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  effectiveFrom: z.iso.datetime(),
  publishedAt: z.iso.datetime(),
  source: VersionSource,
  changeNote: z.string(),
  current: z.boolean(),
});
export type VersionListItem = z.infer<typeof VersionListItem>;

/** One changed field between two versions; `path` like `documents[d03].copies` or `channels[online].fees`. */
export const FieldChange = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const VersionDiff = z.object({
  code: z.string(),
  from: z.object({ id: z.uuid(), version: z.number().int() }),
  to: z.object({ id: z.uuid(), version: z.number().int() }),
  changes: z.array(FieldChange),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

/** An admin's edit: the full new content; it becomes a new version. */
export const PublishVersionRequest = z.object({
  content: ProcedureContent,
  effectiveFrom: z.iso.datetime().optional(),
  changeNote: z.string().trim().min(1).max(1000),
  /** The version the admin started from; a newer one in between is a 409, never a silent overwrite. */
  baseVersionId: z.uuid(),
});
export type PublishVersionRequest = z.infer<typeof PublishVersionRequest>;

export const ResolveFlagRequest = z.object({ note: z.string().trim().max(1000).optional() });

export const Offering = z.object({
  centerId: z.uuid(),
  code: z.string(),
  name: z.string(),
  sector: z.string(),
  serviceGroupId: z.uuid(),
  serviceGroupCode: z.string(),
  serviceGroupName: z.string(),
});
export type Offering = z.infer<typeof Offering>;

export const SetOfferingsRequest = z.object({
  /** Procedures to offer (or move to another group); `serviceGroupId: null` withdraws the offering. */
  items: z.array(z.object({ code: ProcedureCode, serviceGroupId: z.uuid().nullable() })).min(1).max(5000),
});
export type SetOfferingsRequest = z.infer<typeof SetOfferingsRequest>;

export const ImportFormat = z.enum(['csv', 'json']);
export const ImportMode = z.enum(['partial', 'full']);

export const CatalogImportRequest = z.object({
  fileName: z.string().trim().min(1).max(200),
  format: ImportFormat,
  /** The file's text (UTF-8). */
  content: z.string().min(1).max(30_000_000),
  /** full: the file is the whole catalog and procedures missing from it are retired. */
  mode: ImportMode.default('partial'),
  effectiveFrom: z.iso.datetime().optional(),
});
export type CatalogImportRequest = z.infer<typeof CatalogImportRequest>;

export const ImportChange = z.object({ code: z.string(), name: z.string(), fields: z.array(z.string()) });

export const CatalogImportPreview = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: ImportFormat,
  mode: ImportMode,
  status: z.enum(['previewed', 'applied', 'stale']),
  rows: z.number().int(),
  added: z.array(ImportChange),
  changed: z.array(ImportChange),
  retired: z.array(ImportChange),
  unchanged: z.number().int(),
  flags: z.number().int(),
  createdAt: z.iso.datetime(),
  appliedAt: z.iso.datetime().nullable(),
});
export type CatalogImportPreview = z.infer<typeof CatalogImportPreview>;
