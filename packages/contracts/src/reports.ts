import { z } from 'zod';

/** Groups of the 766 index (Decision 766/QĐ-TTg) as the national portal tabs them. */
export const ScoreGroupId = z.enum(['transparency', 'progress', 'online', 'payment', 'digitisation', 'satisfaction']);
export type ScoreGroupId = z.infer<typeof ScoreGroupId>;

/** Indicator ids as numbered in domain-rules.md §4.2 (4.6 = electronic certified copies, "4.x" there). */
export const IndicatorId = z.enum(['1.1', '1.2', '1.3', '1.4', '2.1', '3.1', '3.2', '3.3', '3.5a', '3.5b', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5a', '4.5b', '4.6', '5.2', '5.3', '5.4']);
export type IndicatorId = z.infer<typeof IndicatorId>;

export const Band = z.enum(['excellent', 'good', 'average', 'weak']);
export type Band = z.infer<typeof Band>;

export const IndicatorScore = z.object({ id: IndicatorId, numerator: z.number(), denominator: z.number(), points: z.number(), max: z.number() });
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const GroupScore = z.object({ id: ScoreGroupId, points: z.number(), max: z.number(), indicators: z.array(IndicatorScore) });
export type GroupScore = z.infer<typeof GroupScore>;

/** `GET /api/v1/reports/score`: exactly this shape (points rounded to 2 decimals). */
export const ScoreResponse = z.object({ total: z.number(), band: Band, stars: z.number().int().min(1).max(5), groups: z.array(GroupScore) });
export type ScoreResponse = z.infer<typeof ScoreResponse>;

/** One indicator's weight: `cap` = the rate at which it earns full points (null: linear); `whenEmpty` = points with a zero denominator. */
export const IndicatorConfig = z.object({ max: z.number().min(0).max(100), cap: z.number().gt(0).max(1).nullable(), whenEmpty: z.union([z.literal('zero'), z.literal('full')]) });
export type IndicatorConfig = z.infer<typeof IndicatorConfig>;

/** The one configuration a province admin updates when the portal changes its method. */
export const ScoreConfig = z.object({
  indicators: z.record(IndicatorId, IndicatorConfig),
  /** Lower bounds of the bands (excellent ≥ 90, weak < average). */
  bands: z.object({ excellent: z.number(), good: z.number(), average: z.number() }),
  /** Lower bounds of 2, 3, 4 and 5 stars, ascending. */
  stars: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type ScoreConfig = z.infer<typeof ScoreConfig>;

export const ReportPeriod = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
});

/** Day-additive activity of a unit in a period (the "indicators" besides the index). */
export const ActivityFigures = z.object({
  received: z.number(),
  handled: z.number(),
  returned: z.number(),
  inProgress: z.number(),
  early: z.number(),
  onTime: z.number(),
  late: z.number(),
  avgProcessingDays: z.number().nullable(),
  online: z.number(),
  paidOnline: z.number(),
  eResult: z.number(),
  digitized: z.number(),
  reused: z.number(),
  rated: z.number(),
  dissatisfied: z.number(),
  petitions: z.number(),
  petitionsOnTime: z.number(),
  noAppointmentSameDay: z.number(),
  outreach: z.number(),
  outreachOnSpot: z.number(),
});
export type ActivityFigures = z.infer<typeof ActivityFigures>;

export const LeaderboardRow = z.object({
  rank: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  total: z.number(),
  band: Band,
  stars: z.number().int(),
  groups: z.record(ScoreGroupId, z.number()),
  received: z.number(),
  onTimeRate: z.number().nullable(),
  onlineRate: z.number().nullable(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

export const Leaderboard = z.object({ provinceCode: z.string(), from: z.string(), to: z.string(), rows: z.array(LeaderboardRow) });
export type Leaderboard = z.infer<typeof Leaderboard>;

export const TrendPoint = z.object({ month: z.string(), total: z.number(), groups: z.record(ScoreGroupId, z.number()), received: z.number() });
export const Trend = z.object({ unitCode: z.string(), points: z.array(TrendPoint) });
export type Trend = z.infer<typeof Trend>;

/** What a drill-down lists: the dossiers behind one indicator's numerator or its shortfall. */
export const DrillSet = z.enum(['denominator', 'numerator', 'missing']);
export const DrillRow = z.object({
  code: z.string(),
  dossierId: z.string().nullable(),
  unitCode: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  channel: z.number().int(),
  status: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type DrillRow = z.infer<typeof DrillRow>;
export const DrillResponse = z.object({ indicator: z.string(), set: DrillSet, total: z.number(), pointsAtStake: z.number(), rows: z.array(DrillRow) });
export type DrillResponse = z.infer<typeof DrillResponse>;

/** One historical dossier from an older one-stop system. */
export const ImportedDossier = z.object({
  code: z.string().trim().min(3).max(80),
  procedureCode: z.string().trim().min(1).max(40),
  unitCode: z.string().trim().regex(/^\d{5}$/, 'a five-digit commune code'),
  channel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  receivedAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
  finishedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  returnedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  status: z.enum(['received', 'processing', 'supplement_requested', 'finished', 'returned', 'not_accepted', 'withdrawn', 'stopped']),
  supplements: z.array(z.object({ requestedAt: z.iso.datetime({ offset: true }), suppliedAt: z.iso.datetime({ offset: true }).nullable().default(null) })).max(20).default([]),
  feeAmount: z.number().int().min(0).default(0),
  paidOnline: z.boolean().default(false),
  hasEResult: z.boolean().default(false),
  digitized: z.boolean().default(false),
  reusedComponent: z.boolean().default(false),
  usedPopulationData: z.boolean().default(false),
  syncedToPortal: z.boolean().default(false),
  rating: z.enum(['very_satisfied', 'satisfied', 'dissatisfied']).nullable().default(null),
});
export type ImportedDossier = z.infer<typeof ImportedDossier>;

export const ImportResult = z.object({ received: z.number().int(), inserted: z.number().int(), updated: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;
