import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';

const bit = sql.raw(`(1::bigint << (extract(day from f.received_day)::int - 1))`);

/**
 * Rebuilds the procedure-month bit masks for months the fact trigger marked dirty, then the
 * province's masks for the same months (OR over its units). The dirty keys are deleted first, in
 * the same transaction: a writer touching a key meanwhile waits for this run and marks it again,
 * and every later statement here sees all facts committed before it, so no change is lost.
 */
export async function rollupDirtyMonths(deps: Pick<AppContext, 'db'>, batch = 200): Promise<{ months: number }> {
  return deps.db.transaction(async (tx) => {
    const keys = rowsOf<{ province_code: string; unit_code: string; month: string }>(
      await tx.execute(sql`
        delete from report_dirty_months where (unit_code, month) in (select unit_code, month from report_dirty_months order by month, unit_code limit ${batch})
        returning province_code, unit_code, month::text as month`),
    );
    if (keys.length === 0) return { months: 0 };
    const values = sql.join(keys.map((k) => sql`(${k.unit_code}, ${k.month}::date)`), sql`, `);
    await tx.execute(sql`delete from report_procedure_months m using (values ${values}) as d(unit_code, month) where m.unit_code = d.unit_code and m.month = d.month`);
    await tx.execute(sql`
      insert into report_procedure_months
      select f.province_code, f.unit_code, f.procedure_code, d.month, bit_or(${bit}),
             coalesce(bit_or(${bit}) filter (where f.channel = 2), 0),
             coalesce(bit_or(${bit}) filter (where f.fee_total > 0 and f.paid_online), 0),
             coalesce(bit_or(${bit}) filter (where f.population_data), 0)
      from (values ${values}) as d(unit_code, month)
      join report_dossier_facts f on f.unit_code = d.unit_code and f.received_day >= d.month and f.received_day < (d.month + interval '1 month')::date
      group by f.province_code, f.unit_code, f.procedure_code, d.month`);
    const provinceMonths = [...new Map(keys.map((k) => [`${k.province_code}|${k.month}`, k])).values()];
    for (const k of provinceMonths) await provinceMasks(tx, k.province_code, k.month);
    return { months: keys.length };
  });
}

async function provinceMasks(tx: Db, provinceCode: string, month: string): Promise<void> {
  await tx.execute(sql`delete from report_procedure_months where unit_code = ${provinceCode} and month = ${month}::date`);
  await tx.execute(sql`
    insert into report_procedure_months
    select province_code, province_code, procedure_code, month, bit_or(any_days), bit_or(online_days), bit_or(paid_days), bit_or(population_days)
    from report_procedure_months
    where province_code = ${provinceCode} and month = ${month}::date and unit_code <> ${provinceCode}
    group by province_code, procedure_code, month`);
}

/** Runs the dirty-month rollup until nothing is left (after an import, and in tests). */
export async function rollupAll(deps: Pick<AppContext, 'db'>): Promise<number> {
  let total = 0;
  for (;;) {
    const { months } = await rollupDirtyMonths(deps);
    if (months === 0) return total;
    total += months;
  }
}

/**
 * The buckets of migration 0014's report_fact_buckets() as one set-based query: that function,
 * called once per fact, costs far too much for millions of rows. A test holds the two equal.
 */
const dailyColumns = [
  'received', 'accepted', 'online', 'with_fee', 'paid_online', 'returns_document', 'e_result', 'digitized', 'digitized_e_result', 'reused',
  'citizen_store', 'population', 'certification', 'e_certified_copy', 'synced', 'outreach', 'no_appointment', 'handled', 'handled_on_time',
  'early', 'on_time', 'late', 'handled_bad', 'processing_days', 'processing_counted', 'no_appointment_same_day', 'outreach_on_spot', 'rated',
  'dissatisfied', 'returned', 'ended', 'late_ended', 'went_late',
] as const;
type Bucket = { day: string; where: string; values: Partial<Record<(typeof dailyColumns)[number], string>> };
const buckets: Bucket[] = [
  {
    day: 'f.received_day',
    where: 'true',
    values: {
      received: '1', accepted: 'f.in_stock::int', online: '(f.channel = 2)::int', with_fee: '(f.fee_total > 0)::int', paid_online: '(f.fee_total > 0 and f.paid_online)::int',
      returns_document: 'f.returns_document::int', e_result: '(f.returns_document and f.has_e_result)::int', digitized: 'f.digitized::int',
      digitized_e_result: '(f.digitized and f.has_e_result)::int', reused: 'f.reused_component::int', citizen_store: 'f.citizen_store::int',
      population: 'f.population_data::int', certification: 'f.certification::int', e_certified_copy: '(f.certification and f.e_certified_copy)::int',
      synced: 'f.synced_to_portal::int', outreach: 'f.outreach::int', no_appointment: 'f.no_appointment::int',
    },
  },
  {
    day: 'f.handled_day',
    where: 'f.handled_day is not null',
    values: {
      handled: '1', handled_on_time: 'coalesce(f.on_time, false)::int', early: "(f.outcome = 'early')::int", on_time: "(f.outcome = 'on_time')::int",
      late: "(f.outcome = 'late')::int", handled_bad: '(not coalesce(f.on_time, false) or f.rating = 1 or f.has_petition)::int',
      processing_days: 'coalesce(f.processing_days, 0)', processing_counted: '(f.processing_days is not null)::int',
      no_appointment_same_day: '(f.no_appointment and f.handled_day = f.received_day)::int', outreach_on_spot: '(f.outreach and f.handled_day = f.received_day)::int',
      rated: '(f.rating is not null)::int', dissatisfied: '(f.rating = 1)::int',
    },
  },
  { day: 'f.returned_day', where: 'f.returned_day is not null', values: { returned: '1' } },
  { day: 'f.end_day', where: 'f.end_day is not null and f.in_stock', values: { ended: '1', late_ended: '(f.late_day is not null)::int' } },
  { day: 'f.late_day', where: 'f.late_day is not null and f.in_stock', values: { went_late: '1' } },
];

function bucketsQuery(provinceCode: string) {
  const branches = buckets.map(
    (b) =>
      sql`select f.province_code, f.unit_code, ${sql.raw(b.day)} as day, ${sql.raw(dailyColumns.map((c) => `${b.values[c] ?? '0'} as ${c}`).join(', '))}
          from report_dossier_facts f where f.province_code = ${provinceCode} and ${sql.raw(b.where)}`,
  );
  return sql`select province_code, unit_code, day, ${sql.raw(dailyColumns.map((c) => `sum(${c})`).join(', '))}, 0, 0, 0
             from (${sql.join(branches, sql` union all `)}) b group by province_code, unit_code, day`;
}

/**
 * Recomputes every rollup of a province from its facts in set-based SQL (bulk loads with the
 * trigger off, e.g. the benchmark's generated history). The trigger keeps them right otherwise.
 */
export async function rebuildProvince(db: Db, provinceCode: string): Promise<void> {
  await db.execute(sql`delete from report_daily where province_code = ${provinceCode}`);
  await db.execute(sql`insert into report_daily ${bucketsQuery(provinceCode)}`);
  await db.execute(sql`
    insert into report_daily as r (province_code, unit_code, day, petitions, petitions_on_time, petitions_bad)
    select province_code, unit_code, received_day, count(*), count(*) filter (where on_time), count(*) filter (where bad)
    from report_petitions where province_code = ${provinceCode} group by 1, 2, 3
    on conflict (unit_code, day) do update set petitions = excluded.petitions, petitions_on_time = excluded.petitions_on_time, petitions_bad = excluded.petitions_bad`);
  await db.execute(sql`delete from report_procedure_months where province_code = ${provinceCode}`);
  await db.execute(sql`
    insert into report_procedure_months
    select f.province_code, f.unit_code, f.procedure_code, date_trunc('month', f.received_day)::date, bit_or(${bit}),
           coalesce(bit_or(${bit}) filter (where f.channel = 2), 0),
           coalesce(bit_or(${bit}) filter (where f.fee_total > 0 and f.paid_online), 0),
           coalesce(bit_or(${bit}) filter (where f.population_data), 0)
    from report_dossier_facts f where f.province_code = ${provinceCode}
    group by 1, 2, 3, 4`);
  const months = rowsOf<{ month: string }>(await db.execute(sql`select distinct month::text as month from report_procedure_months where province_code = ${provinceCode} and unit_code <> ${provinceCode}`));
  for (const m of months) await provinceMasks(db, provinceCode, m.month);
  await db.execute(sql`delete from report_dirty_months where province_code = ${provinceCode}`);
}
