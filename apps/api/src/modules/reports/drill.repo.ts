import { sql, type SQL } from 'drizzle-orm';
import type { DrillRow, IndicatorId } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { toLocalIso } from '../calendar/index.ts';
import type { Period, Scope } from './counts.repo.ts';

/**
 * The dossiers behind an indicator, as predicates over the facts. `den` selects the denominator,
 * `num` the numerator within it; "missing" = den and not num: the dossiers that cost points.
 * Indicators counted over procedures (3.1, 3.2, 3.5a/b, 4.5a) and the catalog ones have no rows here.
 */
type Sets = { den: (p: Period) => SQL; num: (p: Period) => SQL };

const received = (p: Period) => sql`f.received_day between ${p.from}::date and ${p.to}::date`;
// Handled in the period, or accepted by its end and still open then (the progress set of 2.1 and 5.4).
const progress = (p: Period) =>
  sql`((f.handled_day between ${p.from}::date and ${p.to}::date) or (f.in_stock and f.received_day <= ${p.to}::date and (f.end_day is null or f.end_day > ${p.to}::date)))`;
const notLateAtEnd = (p: Period) => sql`(case when f.handled_day between ${p.from}::date and ${p.to}::date then coalesce(f.on_time, false) else (f.late_day is null or f.late_day > ${p.to}::date) end)`;
const flag = (col: string) => () => sql.raw(`f.${col}`);

export const drillSets: Partial<Record<IndicatorId, Sets>> = {
  '1.4': { den: received, num: flag('synced_to_portal') },
  '2.1': { den: progress, num: notLateAtEnd },
  '3.3': { den: received, num: () => sql`f.channel = 2` },
  '3.6': { den: (p) => sql`${received(p)} and f.fee_total > 0`, num: flag('paid_online') },
  '4.1': { den: (p) => sql`${received(p)} and f.returns_document`, num: flag('has_e_result') },
  '4.2': { den: received, num: () => sql`f.digitized and f.has_e_result` },
  '4.3': { den: received, num: flag('reused_component') },
  '4.4': { den: received, num: flag('citizen_store') },
  '4.5b': { den: received, num: flag('population_data') },
  '4.6': { den: (p) => sql`${received(p)} and f.certification`, num: flag('e_certified_copy') },
  '5.4': { den: progress, num: (p) => sql`${notLateAtEnd(p)} and coalesce(f.rating, 0) <> 1 and not f.has_petition` },
};

export type DrillQuery = { scope: Scope; period: Period; indicator: IndicatorId; set: 'denominator' | 'numerator' | 'missing'; officerId?: string; limit: number; offset: number };

type Raw = { code: string; dossier_id: string | null; unit_code: string; procedure_code: string; procedure_name: string; channel: number; status: string; received_at: string | Date; due_at: string | Date | null; finished_at: string | Date | null; outcome: string | null };
const iso = (v: string | Date | null) => (v === null ? null : toLocalIso(new Date(v)));

export async function drill(db: Db, q: DrillQuery): Promise<{ total: number; rows: DrillRow[] }> {
  const sets = drillSets[q.indicator];
  if (!sets) return { total: 0, rows: [] };
  const den = sets.den(q.period);
  const num = sets.num(q.period);
  const which = q.set === 'denominator' ? den : q.set === 'numerator' ? sql`${den} and (${num})` : sql`${den} and not (${num})`;
  const units = q.scope.unitCodes ? sql`and f.unit_code in (${sql.join(q.scope.unitCodes.map((u) => sql`${u}`), sql`, `)})` : sql``;
  const officer = q.officerId ? sql`and f.officer_id = ${q.officerId}` : sql``;
  const where = sql`f.province_code = ${q.scope.provinceCode} ${units} ${officer} and ${which}`;
  const total = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from report_dossier_facts f where ${where}`))[0]!.n;
  const rows = rowsOf<Raw>(
    await db.execute(sql`
      select f.code, f.dossier_id, f.unit_code, f.procedure_code, f.procedure_name, f.channel, f.status, f.received_at, f.due_at, f.finished_at, f.outcome
      from report_dossier_facts f where ${where}
      order by f.received_at desc, f.code limit ${q.limit} offset ${q.offset}`),
  );
  return {
    total,
    rows: rows.map((r) => ({
      code: r.code,
      dossierId: r.dossier_id,
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      channel: r.channel,
      status: r.status,
      receivedAt: iso(r.received_at)!,
      dueAt: iso(r.due_at),
      finishedAt: iso(r.finished_at),
      outcome: r.outcome,
    })),
  };
}

/** The officer view: the officer's handled dossiers and open ones, by the same buckets. */
export async function officerFigures(db: Db, officerId: string, p: Period) {
  return rowsOf<{ handled: number; on_time: number; late: number; open: number; open_late: number; avg_days: number | null }>(
    await db.execute(sql`
      select count(*) filter (where f.handled_day between ${p.from}::date and ${p.to}::date)::int as handled,
             count(*) filter (where f.handled_day between ${p.from}::date and ${p.to}::date and f.on_time)::int as on_time,
             count(*) filter (where f.handled_day between ${p.from}::date and ${p.to}::date and not f.on_time)::int as late,
             count(*) filter (where f.in_stock and f.end_day is null)::int as open,
             count(*) filter (where f.in_stock and f.end_day is null and f.late_day <= ${p.to}::date)::int as open_late,
             avg(f.processing_days) filter (where f.handled_day between ${p.from}::date and ${p.to}::date) as avg_days
      from report_dossier_facts f where f.officer_id = ${officerId}`),
  )[0]!;
}
