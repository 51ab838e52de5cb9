import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { loadCalendar, workingTimeBetween, type WorkingCalendar } from '../calendar/index.ts';
import { listEvents } from './dossier.repo.ts';
import { apologyDrafts, dossiers } from './dossier.tables.ts';

const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * Pure: a dossier is at risk when less than one working day is left and the result is not yet
 * approved. Paused dossiers and those already given an apology letter are left alone.
 */
export function atRisk(
  cal: WorkingCalendar,
  d: { status: string; step: string | null; dueAt: Date | null; pausedAt: Date | null; apologyCount: number },
  now: Date,
): boolean {
  if (!d.dueAt || d.pausedAt || d.apologyCount > 0) return false;
  if (!(d.status === 'received' || (d.status === 'processing' && d.step !== 'approved'))) return false;
  if (now.getTime() >= d.dueAt.getTime()) return false;
  return workingTimeBetween(cal, now, d.dueAt) <= WORKING_DAY_MS;
}

/** Pure: the state that held the dossier for the most working time — where the delay came from. */
export function delayCause(cal: WorkingCalendar, events: { at: Date; toState: string }[], until: Date): { state: string; workingMs: number } {
  const spent = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.toState === 'supplement_requested') return; // the clock was paused
    const end = events[i + 1]?.at ?? until;
    spent.set(e.toState, (spent.get(e.toState) ?? 0) + workingTimeBetween(cal, e.at, end));
  });
  let best = { state: events[0]?.toState ?? 'received', workingMs: 0 };
  for (const [state, ms] of spent) if (ms > best.workingMs) best = { state, workingMs: ms };
  return best;
}

/** Drafts Form 04 for every dossier newly at risk; safe to run often and from several processes. */
export async function draftApologies(deps: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const cal = await loadCalendar(deps);
  const horizon = new Date(now.getTime() + 5 * 24 * 3_600_000);
  const candidates = await deps.db
    .select()
    .from(dossiers)
    .where(
      and(
        inArray(dossiers.status, ['received', 'processing']),
        isNull(dossiers.pausedAt),
        eq(dossiers.apologyCount, 0),
        gt(dossiers.dueAt, now),
        lt(dossiers.dueAt, horizon),
        sql`not exists (select 1 from apology_drafts a where a.dossier_id = ${dossiers.id})`,
      ),
    );
  let drafted = 0;
  for (const d of candidates) {
    if (!atRisk(cal, d, now)) continue;
    const cause = delayCause(cal, await listEvents(deps.db, d.id), now);
    const inserted = await deps.db
      .insert(apologyDrafts)
      .values({ dossierId: d.id, centerId: d.competentCenterId, draftedAt: now, dueAt: d.dueAt!, causeState: cause.state, causeWorkingSeconds: Math.round(cause.workingMs / 1000) })
      .onConflictDoNothing()
      .returning({ id: apologyDrafts.dossierId });
    drafted += inserted.length;
  }
  return drafted;
}

export async function openDrafts(deps: Pick<AppContext, 'db'>, centerId: string) {
  return deps.db
    .select({ draft: apologyDrafts, code: dossiers.code, procedureName: dossiers.procedureName, applicantName: sql<string>`${dossiers.applicant}->>'fullName'` })
    .from(apologyDrafts)
    .innerJoin(dossiers, eq(dossiers.id, apologyDrafts.dossierId))
    .where(and(eq(apologyDrafts.centerId, centerId), eq(apologyDrafts.status, 'open')))
    .orderBy(apologyDrafts.dueAt);
}
