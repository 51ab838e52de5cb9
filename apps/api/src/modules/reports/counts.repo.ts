import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';

/** Which rollup rows a report reads: the whole province, or some of its units. */
export type Scope = { provinceCode: string; unitCodes: string[] | null };
export type Period = { from: string; to: string };

const unitFilter = (s: Scope): SQL => (s.unitCodes ? sql`and unit_code in (${sql.join(s.unitCodes.map((u) => sql`${u}`), sql`, `)})` : sql``);

export type DailySums = {
  received: number; accepted: number; online: number; withFee: number; paidOnline: number; returnsDocument: number; eResult: number;
  digitized: number; digitizedEResult: number; reused: number; citizenStore: number; population: number; certification: number;
  eCertifiedCopy: number; synced: number; outreach: number; noAppointment: number; handled: number; handledOnTime: number;
  early: number; onTime: number; late: number; handledBad: number; processingDays: number; processingCounted: number;
  noAppointmentSameDay: number; outreachOnSpot: number; rated: number; dissatisfied: number; returned: number;
  petitions: number; petitionsOnTime: number; petitionsBad: number; openAtEnd: number; openLateAtEnd: number;
};

const additive: [keyof DailySums, string][] = [
  ['received', 'received'], ['accepted', 'accepted'], ['online', 'online'], ['withFee', 'with_fee'], ['paidOnline', 'paid_online'],
  ['returnsDocument', 'returns_document'], ['eResult', 'e_result'], ['digitized', 'digitized'], ['digitizedEResult', 'digitized_e_result'],
  ['reused', 'reused'], ['citizenStore', 'citizen_store'], ['population', 'population'], ['certification', 'certification'],
  ['eCertifiedCopy', 'e_certified_copy'], ['synced', 'synced'], ['outreach', 'outreach'], ['noAppointment', 'no_appointment'],
  ['handled', 'handled'], ['handledOnTime', 'handled_on_time'], ['early', 'early'], ['onTime', 'on_time'], ['late', 'late'],
  ['handledBad', 'handled_bad'], ['processingDays', 'processing_days'], ['processingCounted', 'processing_counted'],
  ['noAppointmentSameDay', 'no_appointment_same_day'], ['outreachOnSpot', 'outreach_on_spot'], ['rated', 'rated'],
  ['dissatisfied', 'dissatisfied'], ['returned', 'returned'], ['petitions', 'petitions'], ['petitionsOnTime', 'petitions_on_time'],
  ['petitionsBad', 'petitions_bad'],
];

/**
 * Sums over the days of the period, plus the stock still open at its end: Σ accepted − Σ ended and
 * Σ went late − Σ late and ended over every day up to the end (migration 0014 explains the buckets).
 */
function sumsSelect(p: Period): SQL {
  const cols = additive.map(([k, c]) => sql.raw(`coalesce(sum(${c}) filter (where day >= '${p.from}'::date), 0) as "${k}"`));
  return sql.join(
    [
      ...cols,
      sql.raw(`coalesce(sum(accepted) - sum(ended), 0) as "openAtEnd"`),
      sql.raw(`coalesce(sum(went_late) - sum(late_ended), 0) as "openLateAtEnd"`),
    ],
    sql`, `,
  );
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function checkPeriod(p: Period): void {
  // The period is interpolated as a literal (the filter clause repeats it 33 times); accept only dates.
  if (!isoDate.test(p.from) || !isoDate.test(p.to)) throw new Error('period dates must be YYYY-MM-DD');
}

export async function dailySums(db: Db, scope: Scope, p: Period): Promise<DailySums> {
  checkPeriod(p);
  const rows = rowsOf<DailySums>(
    await db.execute(sql`select ${sumsSelect(p)} from report_daily where province_code = ${scope.provinceCode} ${unitFilter(scope)} and day <= ${p.to}::date`),
  );
  return rows[0]!;
}

/** The same sums per unit of the province (leaderboard). */
export async function dailySumsByUnit(db: Db, provinceCode: string, p: Period): Promise<Map<string, DailySums>> {
  checkPeriod(p);
  const rows = rowsOf<DailySums & { unit: string }>(
    await db.execute(sql`select unit_code as unit, ${sumsSelect(p)} from report_daily where province_code = ${provinceCode} and day <= ${p.to}::date group by unit_code`),
  );
  return new Map(rows.map((r) => [r.unit, r]));
}

/** Per month of the period, for trend charts: each month's own sums (open stock at the month's end). */
export async function monthlySums(db: Db, scope: Scope, months: Period[]): Promise<DailySums[]> {
  const out: DailySums[] = [];
  for (const m of months) out.push(await dailySums(db, scope, m));
  return out;
}

export type ProcedureUse = { procedureCode: string; any: boolean; online: boolean; paid: boolean; population: boolean };

/**
 * Which procedures saw an online dossier, an online payment or population data in the period:
 * month rows whose day bits, masked to the period's days in that month, are not all zero.
 */
export async function procedureUse(db: Db, unitCode: string, p: Period): Promise<ProcedureUse[]> {
  checkPeriod(p);
  const rows = rowsOf<{ code: string; any: boolean; online: boolean; paid: boolean; population: boolean }>(
    await db.execute(sql`
      select procedure_code as code, bool_or(any_days & mask <> 0) as any, bool_or(online_days & mask <> 0) as online,
             bool_or(paid_days & mask <> 0) as paid, bool_or(population_days & mask <> 0) as population
      from (
        select m.*, (1::bigint << extract(day from least(${p.to}::date, (m.month + interval '1 month' - interval '1 day')::date))::int)
                  - (1::bigint << (extract(day from greatest(${p.from}::date, m.month))::int - 1)) as mask
        from report_procedure_months m
        where m.unit_code = ${unitCode} and m.month between date_trunc('month', ${p.from}::date)::date and ${p.to}::date
      ) x
      group by procedure_code`),
  );
  return rows.map((r) => ({ procedureCode: r.code, any: r.any, online: r.online, paid: r.paid, population: r.population }));
}

/** Procedure use per unit of the province (leaderboard), in one query. */
export async function procedureUseByUnit(db: Db, provinceCode: string, p: Period): Promise<Map<string, ProcedureUse[]>> {
  checkPeriod(p);
  const rows = rowsOf<{ unit: string; code: string; any: boolean; online: boolean; paid: boolean; population: boolean }>(
    await db.execute(sql`
      select unit_code as unit, procedure_code as code, bool_or(any_days & mask <> 0) as any, bool_or(online_days & mask <> 0) as online,
             bool_or(paid_days & mask <> 0) as paid, bool_or(population_days & mask <> 0) as population
      from (
        select m.*, (1::bigint << extract(day from least(${p.to}::date, (m.month + interval '1 month' - interval '1 day')::date))::int)
                  - (1::bigint << (extract(day from greatest(${p.from}::date, m.month))::int - 1)) as mask
        from report_procedure_months m
        where m.province_code = ${provinceCode} and m.unit_code <> ${provinceCode}
          and m.month between date_trunc('month', ${p.from}::date)::date and ${p.to}::date
      ) x
      group by unit_code, procedure_code`),
  );
  const out = new Map<string, ProcedureUse[]>();
  for (const r of rows) {
    const list = out.get(r.unit) ?? [];
    list.push({ procedureCode: r.code, any: r.any, online: r.online, paid: r.paid, population: r.population });
    out.set(r.unit, list);
  }
  return out;
}
