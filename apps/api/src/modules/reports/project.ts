import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { appMeta } from '../../platform/db/meta.tables.ts';
import { loadCalendar, workingTimeBetween } from '../calendar/index.ts';
import { reuseFlagsOf } from '../citizen/index.ts';
import { petitionedDossiers, petitionsForReports, ratingsOf } from '../feedback/index.ts';
import { paidOnline } from '../payments/index.ts';
import { portalSyncOf } from '../sync/index.ts';
import { isCertificationSector, localDay, toFact, type FactRow } from './facts.ts';
import { reportDossierFacts, reportPetitions } from './reports.tables.ts';
import { rollupAll } from './rollup.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;
const KEY = 'reports:projected-until';
/** Changes commit a little after the time they carry: look this far back again on every run. */
const OVERLAP_MS = 2 * 60_000;
const WORKING_DAY_MS = 8 * 3_600_000;

type LiveRow = {
  id: string; code: string; province_code: string; unit_code: string; center_id: string; assignee_id: string | null;
  procedure_code: string; procedure_name: string; sector: string | null; returns_document: boolean | null; channel: number; status: string;
  received_at: string | Date; clock_starts_at: string | Date | null; due_at: string | Date | null; finished_at: string | Date | null;
  returned_at: string | Date | null; paused_at: string | Date | null; closed_at: string | Date | null; supplement_count: number;
  outcome: 'early' | 'on_time' | 'late' | null; fee_total: number; fee_paid: boolean; no_appointment: boolean;
  has_e_result: boolean; digitized: boolean;
};
const d = (v: string | Date | null) => (v === null ? null : new Date(v));

/**
 * Projects live dossiers into `report_dossier_facts`: every dossier changed, scanned, signed or
 * acknowledged by the portal since the last run. Set-based reads of other modules' tables:
 * dossier `dossiers`, `dossier_events` (when a dossier was withdrawn, stopped or refused),
 * `dossier_files` (digitised components); results `e_results`; units `centers`; catalog
 * `procedure_versions` (sector, whether it returns a document); and, to find what changed, sync
 * `sync_state`, feedback `dossier_ratings` and payments `payments`. The flags other modules own come
 * through their index: paid online (payments), rating and petition (feedback), reused components and
 * population data (citizen), acknowledged by the portal (sync).
 */
export async function projectLiveDossiers(deps: Deps, batch = 500): Promise<{ projected: number }> {
  const now = deps.clock.now();
  const stored = (await deps.db.select().from(appMeta).where(eq(appMeta.key, KEY)))[0]?.value as { until?: string } | undefined;
  const since = new Date(stored?.until ? Date.parse(stored.until) - OVERLAP_MS : 0);
  const petitionDossiers = await projectPetitions(deps, now);
  const ids = rowsOf<{ id: string }>(
    await deps.db.execute(sql`
      select id from dossiers where updated_at > ${since}
      union select dossier_id from dossier_files where uploaded_at > ${since}
      union select dossier_id from e_results where signed_at > ${since}
      union select dossier_id from sync_state where acked_at > ${since}
      union select dossier_id from dossier_ratings where rated_at > ${since}
      union select dossier_id from payments where updated_at > ${since}`),
  ).map((r) => r.id);
  for (const id of petitionDossiers) if (!ids.includes(id)) ids.push(id);
  const cal = ids.length > 0 ? await loadCalendar(deps) : null;
  let projected = 0;
  for (let i = 0; i < ids.length; i += batch) {
    const chunk = ids.slice(i, i + batch);
    const list = sql.join(chunk.map((id) => sql`${id}::uuid`), sql`, `);
    const rows = rowsOf<LiveRow>(
      await deps.db.execute(sql`
        select x.id, x.code, x.province_code, coalesce(c.commune_code, c.agency_code) as unit_code, x.center_id, x.assignee_id,
          x.procedure_code, x.procedure_name, v.sector, jsonb_array_length(v.content->'results') > 0 as returns_document,
          x.channel, x.status, x.received_at, x.clock_starts_at, x.due_at, x.finished_at, x.returned_at, x.paused_at,
          (select max(e.at) from dossier_events e where e.dossier_id = x.id and e.to_state in ('withdrawn', 'stopped', 'not_accepted')) as closed_at,
          x.supplement_count, x.outcome, x.fee_total, x.fee_paid, x.no_appointment,
          exists (select 1 from e_results r where r.dossier_id = x.id) as has_e_result,
          exists (select 1 from dossier_files f where f.dossier_id = x.id) as digitized
        from dossiers x join centers c on c.id = x.center_id left join procedure_versions v on v.id = x.procedure_version_id
        where x.id in (${list}) and x.bundle_role is distinct from 'parent' and x.external_agency is null`),
    );
    const found = rows.map((r) => r.id);
    const [paid, ratings, petitioned, sync] = await Promise.all([
      paidOnline(deps.db, found),
      ratingsOf(deps.db, found),
      petitionedDossiers(deps.db, found),
      portalSyncOf(deps.db, found),
    ]);
    const synced = new Set(sync.filter((x) => x.synced).map((x) => x.dossierId));
    const reuse = new Map<string, Awaited<ReturnType<typeof reuseFlagsOf>>>();
    for (const id of found) reuse.set(id, await reuseFlagsOf(deps.db, id));
    const facts: FactRow[] = rows.map((r) => {
      const re = reuse.get(r.id);
      const sources = new Set(re?.reusedComponents.map((c) => c.source) ?? []);
      const sector = r.sector ?? '';
      const start = d(r.clock_starts_at) ?? d(r.received_at)!;
      const finished = d(r.finished_at);
      return toFact(
        {
          code: r.code, dossierId: r.id, source: 'live', provinceCode: r.province_code, unitCode: r.unit_code, centerId: r.center_id,
          officerId: r.assignee_id, procedureCode: r.procedure_code, procedureName: r.procedure_name, sector,
          channel: (r.channel >= 2 && r.channel <= 4 ? r.channel : 1) as 1 | 2 | 3 | 4, status: r.status,
          receivedAt: d(r.received_at)!, dueAt: d(r.due_at), finishedAt: finished, returnedAt: d(r.returned_at), closedAt: d(r.closed_at),
          pausedAt: d(r.paused_at), supplementCount: r.supplement_count, outcome: r.outcome,
          processingDays: finished && cal ? Math.round((workingTimeBetween(cal, start, finished) / WORKING_DAY_MS) * 100) / 100 : null,
          feeTotal: r.fee_total,
          paidOnline: paid.has(r.id),
          returnsDocument: r.returns_document ?? true, hasEResult: r.has_e_result, digitized: r.digitized,
          reusedComponent: sources.size > 0,
          citizenStore: sources.has('document_store') || sources.has('earlier_result'),
          populationData: (re?.populationDataUsed ?? false) || sources.has('population_db'),
          certification: isCertificationSector(sector), eCertifiedCopy: isCertificationSector(sector) && r.has_e_result,
          syncedToPortal: synced.has(r.id), rating: ratings.get(r.id) ?? null, hasPetition: petitioned.has(r.id), noAppointment: r.no_appointment,
        },
        now,
      );
    });
    if (facts.length > 0) await upsertFacts(deps.db, facts);
    projected += facts.length;
  }
  const value = { until: now.toISOString() };
  await deps.db.insert(appMeta).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: now } });
  return { projected };
}

/**
 * Petitions (feedback module) into `report_petitions`, all of them each run: an open petition turns
 * late by the clock alone. Only changed rows are written. Returns the dossiers petitions are about.
 */
async function projectPetitions(deps: Deps, now: Date): Promise<string[]> {
  const list = await petitionsForReports(deps.db, null, now);
  if (list.length === 0) return [];
  const units = new Map(
    rowsOf<{ id: string; unit: string }>(await deps.db.execute(sql`select id, coalesce(commune_code, agency_code) as unit from centers`)).map((r) => [r.id, r.unit]),
  );
  const rows = list.flatMap((p) => {
    const unitCode = units.get(p.centerId);
    return unitCode ? [{ id: p.id, provinceCode: p.provinceCode, unitCode, dossierCode: null, receivedDay: localDay(p.receivedAt), onTime: p.onTime, bad: p.bad }] : [];
  });
  for (let i = 0; i < rows.length; i += 500) {
    await deps.db
      .insert(reportPetitions)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: reportPetitions.id,
        set: { onTime: sql`excluded.on_time`, bad: sql`excluded.bad`, receivedDay: sql`excluded.received_day`, unitCode: sql`excluded.unit_code` },
        setWhere: sql`(${reportPetitions.onTime}, ${reportPetitions.bad}) is distinct from (excluded.on_time, excluded.bad)`,
      });
  }
  return list.flatMap((p) => (p.dossierId ? [p.dossierId] : []));
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

async function upsertFacts(db: Db, facts: FactRow[]): Promise<void> {
  const set = Object.fromEntries(Object.keys(facts[0]!).filter((k) => k !== 'code').map((k) => [k, sql.raw(`excluded.${snake(k)}`)]));
  await db.transaction(async (tx) => {
    await tx.insert(reportDossierFacts).values(facts).onConflictDoUpdate({ target: reportDossierFacts.code, set });
  });
}

/** The scheduled job: project what changed, then rebuild the months it touched. */
export async function refreshReports(deps: Deps): Promise<{ projected: number; months: number }> {
  const { projected } = await projectLiveDossiers(deps);
  return { projected, months: await rollupAll(deps) };
}
