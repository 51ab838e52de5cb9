import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { loadCalendar, workingTimeBetween } from '../calendar/index.ts';
import type { ProcedureUse } from './counts.repo.ts';
import { localDay } from './facts.ts';
import type { ScoreCounts } from './score.ts';

/** What the formulas need to know about one procedure in force. */
export type ProcedureFacts = { code: string; name: string; sector: string; returnsDocument: boolean; commune: boolean; online: boolean; withFee: boolean; citizen: boolean; complete: boolean };
export type Publication = { code: string; version: number; publishedAt: Date; effectiveFrom: Date };

/**
 * Set-based read of the catalog module's tables `procedures` and `procedure_versions` (the version
 * in force of each procedure not retired) and `center_procedures` (what each center offers). The
 * catalog's index offers one procedure at a time; the index needs all of them at once.
 */
export async function procedureFacts(db: Db): Promise<ProcedureFacts[]> {
  return rowsOf<ProcedureFacts>(
    await db.execute(sql`
      select v.code, v.name, v.sector, jsonb_array_length(v.content->'results') > 0 as "returnsDocument", 'commune' = any(v.levels) as commune, v.online_level <> 'none' as online,
        exists (select 1 from jsonb_array_elements(v.content->'channels') c, jsonb_array_elements(coalesce(nullif(c->'fees', 'null'::jsonb), '[]'::jsonb)) f
                where (f->>'amount')::bigint > 0) as "withFee",
        (v.content->'applicantTypes')::text ilike '%công dân%' as citizen,
        (length(v.name) > 0 and jsonb_array_length(v.content->'steps') > 0 and jsonb_array_length(v.content->'channels') > 0
          and jsonb_array_length(v.content->'documents') > 0 and jsonb_array_length(v.content->'applicantTypes') > 0
          and length(v.content->>'competentAgency') > 0
          and exists (select 1 from jsonb_array_elements(v.content->'channels') c where c->'timeLimit' <> 'null'::jsonb)) as complete
      from procedures p join procedure_versions v on v.id = p.current_version_id
      where p.retired_at is null`),
  );
}

/** Procedures each center of the province offers (catalog table `center_procedures`). */
export async function offeringsByCenter(db: Db, provinceCode: string): Promise<Map<string, Set<string>>> {
  const rows = rowsOf<{ center_id: string; code: string }>(await db.execute(sql`select center_id, code from center_procedures where province_code = ${provinceCode}`));
  const out = new Map<string, Set<string>>();
  for (const r of rows) (out.get(r.center_id) ?? out.set(r.center_id, new Set()).get(r.center_id)!).add(r.code);
  return out;
}

/** Versions published by hand or import in the period (the seed is the catalog as found, not a publication). */
export async function publications(db: Db, from: string, to: string): Promise<Publication[]> {
  const rows = rowsOf<{ code: string; version: number; published_at: string | Date; effective_from: string | Date }>(
    await db.execute(sql`
      select code, version, published_at, effective_from from procedure_versions
      where source <> 'seed' and published_at >= (${from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
        and published_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`),
  );
  return rows.map((r) => ({ code: r.code, version: r.version, publishedAt: new Date(r.published_at), effectiveFrom: new Date(r.effective_from) }));
}

const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * 1.1: a new procedure is published on time when public at least 5 working days before it takes
 * effect; 1.2: a changed one when public no later than 5 working days after (province level, §4.2).
 */
export async function transparencyCounts(deps: Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>, pubs: Publication[]) {
  const cal = await loadCalendar(deps);
  const c = { published: 0, publishedOnTime: 0, updated: 0, updatedOnTime: 0 };
  for (const p of pubs) {
    if (p.version === 1) {
      c.published++;
      if (p.publishedAt <= p.effectiveFrom && workingTimeBetween(cal, p.publishedAt, p.effectiveFrom) >= 5 * WORKING_DAY_MS) c.publishedOnTime++;
    } else {
      c.updated++;
      if (p.publishedAt <= p.effectiveFrom || workingTimeBetween(cal, p.effectiveFrom, p.publishedAt) <= 5 * WORKING_DAY_MS) c.updatedOnTime++;
    }
  }
  return c;
}

/** The procedure counts of §4.2 for one unit: what it offers, and what the period's dossiers used. */
export function procedureCounts(offered: ProcedureFacts[], used: ProcedureUse[]): Pick<ScoreCounts, 'offered' | 'offeredComplete' | 'offeredOnline' | 'onlineServicesUsed' | 'feeProcedures' | 'feeProceduresPayableOnline' | 'feeProceduresPaidOnline' | 'citizenProcedures' | 'populationProcedures'> {
  const use = new Map(used.map((u) => [u.procedureCode, u]));
  const c = { offered: 0, offeredComplete: 0, offeredOnline: 0, onlineServicesUsed: 0, feeProcedures: 0, feeProceduresPayableOnline: 0, feeProceduresPaidOnline: 0, citizenProcedures: 0, populationProcedures: 0 };
  for (const p of offered) {
    const u = use.get(p.code);
    c.offered++;
    if (p.complete) c.offeredComplete++;
    if (p.online) {
      c.offeredOnline++;
      if (u?.online) c.onlineServicesUsed++;
    }
    if (p.withFee) {
      c.feeProcedures++;
      // Online payment is offered for every fee-bearing procedure that has an online service.
      if (p.online) c.feeProceduresPayableOnline++;
      if (u?.paid) c.feeProceduresPaidOnline++;
    }
    if (p.citizen) {
      c.citizenProcedures++;
      if (u?.population) c.populationProcedures++;
    }
  }
  return c;
}

/** Today's local date for default periods. */
export const today = (now: Date) => localDay(now);
