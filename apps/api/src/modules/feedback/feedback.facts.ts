import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dossierRatings, petitions } from './feedback.tables.ts';

/**
 * Figures the 766 scoring reads (indicators 5.1–5.4), per center over [from, to): petitions received,
 * handled on time, late, dissatisfied with the answer, repeated; ratings by level.
 */
export type PetitionFacts = { centerId: string; total: number; closed: number; onTime: number; late: number; openOverdue: number; dissatisfied: number; repeated: number };
export type RatingFacts = { centerId: string; total: number; verySatisfied: number; satisfied: number; dissatisfied: number };

const n = (x: unknown) => Number(x ?? 0);

export async function petitionFacts(db: Db, centerIds: string[], from: Date, to: Date, now: Date): Promise<PetitionFacts[]> {
  if (centerIds.length === 0) return [];
  const rows = await db
    .select({
      centerId: petitions.centerId,
      total: sql<number>`count(*)`,
      closed: sql<number>`count(*) filter (where ${petitions.outcome} is not null)`,
      onTime: sql<number>`count(*) filter (where ${petitions.outcome} = 'on_time')`,
      late: sql<number>`count(*) filter (where ${petitions.outcome} = 'late')`,
      openOverdue: sql<number>`count(*) filter (where ${petitions.outcome} is null and ${petitions.dueAt} < ${now.toISOString()}::timestamptz)`,
      dissatisfied: sql<number>`count(*) filter (where ${petitions.satisfaction} = 'dissatisfied')`,
      repeated: sql<number>`count(*) filter (where ${petitions.repeatOf} is not null)`,
    })
    .from(petitions)
    .where(and(inArray(petitions.centerId, centerIds), gte(petitions.receivedAt, from), lt(petitions.receivedAt, to)))
    .groupBy(petitions.centerId);
  return rows.map((r) => ({ centerId: r.centerId, total: n(r.total), closed: n(r.closed), onTime: n(r.onTime), late: n(r.late), openOverdue: n(r.openOverdue), dissatisfied: n(r.dissatisfied), repeated: n(r.repeated) }));
}

export async function ratingFacts(db: Db, centerIds: string[], from: Date, to: Date): Promise<RatingFacts[]> {
  if (centerIds.length === 0) return [];
  const rows = await db
    .select({
      centerId: dossierRatings.centerId,
      total: sql<number>`count(*)`,
      verySatisfied: sql<number>`count(*) filter (where ${dossierRatings.overall} = 'very_satisfied')`,
      satisfied: sql<number>`count(*) filter (where ${dossierRatings.overall} = 'satisfied')`,
      dissatisfied: sql<number>`count(*) filter (where ${dossierRatings.overall} = 'dissatisfied')`,
    })
    .from(dossierRatings)
    .where(and(inArray(dossierRatings.centerId, centerIds), gte(dossierRatings.ratedAt, from), lt(dossierRatings.ratedAt, to)))
    .groupBy(dossierRatings.centerId);
  return rows.map((r) => ({ centerId: r.centerId, total: n(r.total), verySatisfied: n(r.verySatisfied), satisfied: n(r.satisfied), dissatisfied: n(r.dissatisfied) }));
}

/** Dossiers (of these) rated dissatisfied or the subject of a petition: indicator 5.4's "dislike or PAKN". */
export async function dislikedDossiers(db: Db, dossierIds: string[]): Promise<Set<string>> {
  if (dossierIds.length === 0) return new Set();
  const rated = await db.select({ id: dossierRatings.dossierId }).from(dossierRatings).where(and(inArray(dossierRatings.dossierId, dossierIds), sql`${dossierRatings.overall} = 'dissatisfied'`));
  const petitioned = await db.select({ id: petitions.dossierId }).from(petitions).where(inArray(petitions.dossierId, dossierIds));
  return new Set([...rated.map((r) => r.id), ...petitioned.map((r) => r.id!).filter(Boolean)]);
}

/** Each dossier's rating, for the per-dossier facts of the scoring (3 very satisfied … 1 dissatisfied). */
export async function ratingsOf(db: Db, dossierIds: string[]): Promise<Map<string, 1 | 2 | 3>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db.select({ id: dossierRatings.dossierId, overall: dossierRatings.overall }).from(dossierRatings).where(inArray(dossierRatings.dossierId, dossierIds));
  const score = { very_satisfied: 3, satisfied: 2, dissatisfied: 1 } as const;
  return new Map(rows.map((r) => [r.id, score[r.overall]]));
}

/** Dossiers (of these) that are the subject of at least one petition. */
export async function petitionedDossiers(db: Db, dossierIds: string[]): Promise<Set<string>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await db.select({ id: petitions.dossierId }).from(petitions).where(inArray(petitions.dossierId, dossierIds));
  return new Set(rows.map((r) => r.id!).filter(Boolean));
}

export type PetitionForReports = {
  id: string;
  code: string;
  provinceCode: string;
  centerId: string;
  dossierId: string | null;
  receivedAt: Date;
  /** Closed (answered or refused) by its deadline. */
  onTime: boolean;
  /** Counts against the center in 766 indicator 5.3: answered late (or still open past the deadline), answer rated dissatisfied, or a repeat. */
  bad: boolean;
  updatedAt: Date;
};

/** Petitions changed since `since` (all when null), as the reports projection needs them. */
export async function petitionsForReports(db: Db, since: Date | null, now: Date): Promise<PetitionForReports[]> {
  const rows = await db.select().from(petitions).where(since ? gte(petitions.updatedAt, since) : undefined);
  return rows.map((p) => {
    const late = p.outcome === 'late' || (p.outcome === null && p.dueAt.getTime() < now.getTime());
    return {
      id: p.id,
      code: p.code,
      provinceCode: p.provinceCode,
      centerId: p.centerId,
      dossierId: p.dossierId,
      receivedAt: p.receivedAt,
      onTime: p.outcome === 'on_time',
      bad: late || p.satisfaction === 'dissatisfied' || p.repeatOf !== null,
      updatedAt: p.updatedAt,
    };
  });
}
