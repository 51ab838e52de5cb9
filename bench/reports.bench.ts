// The 766 score of a province with 124 communes and 10 million dossiers, on PostgreSQL.
// The history is generated set-based (generate_series) straight into the facts with the row trigger
// off, then the rollups are rebuilt in set-based SQL, into a kept database on the server of
// DATABASE_URL (default 127.0.0.1:5432, user postgres), motcua_bench_reports_10m, which later runs
// reuse while the generator version matches (support/kept.ts); the scores only read it.
// REPORTS_BENCH_ROWS=1000000 for a quicker, smaller data set.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { leaderboard, rebuildProvince, resolveUnit, unitScore } from '../apps/api/src/modules/reports/index.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { openPostgres, rowsOf, type Db } from '../apps/api/src/platform/db/client.ts';
import { migrate } from '../apps/api/src/platform/db/migrate.ts';
import { uuidv7Ids } from '../apps/api/src/platform/ids.ts';
import { seedSets } from '../apps/api/seed/index.ts';
import { percentile, round, timeCalls, type BenchResult } from './lib.ts';
import { inParallel, keptDatabase, lowerPriority, provenance, type Log } from './support/kept.ts';
import { secondsSince as seconds } from './support/pg.ts';

const ROWS = Number(process.env.REPORTS_BENCH_ROWS ?? 10_000_000);
const COMMUNES = 124;
const PROVINCE = '01'; // Hà Nội: 126 communes and wards, of which the first 124 are used.
const BATCH = 1_000_000;
/** Bump when the generated history changes: a kept database of another version is regenerated. */
const GENERATOR_VERSION = 1;

async function loadSeeds(db: Db): Promise<void> {
  for (const set of seedSets.filter((s) => !s.demoOnly)) await db.transaction((tx) => set.load(tx, { clock: systemClock, ids: uuidv7Ids, demoPassword: 'x' }));
}

/** The province's generated history, generated once and kept. */
async function generate(url: string, log: Log): Promise<Record<string, number>> {
  const database = await openPostgres(url, 1);
  const db = database.db;
  try {
    await db.execute(sql`set maintenance_work_mem = '1GB'`);
    await db.execute(sql`set synchronous_commit = off`);
    await db.execute(sql`set jit = off`);
    const pool = database.pool!;
    const c = await pool.connect();
    await lowerPriority(c);
    c.release();
    await migrate(db);
    await loadSeeds(db);

    // Bulk load: no row trigger, no secondary indexes while loading.
    await db.execute(sql`alter table report_dossier_facts disable trigger report_facts_rollup`);
    await db.execute(sql`alter table report_dossier_facts drop constraint report_dossier_facts_pkey`);
    await db.execute(sql`drop index report_facts_dossier_uq, report_facts_unit_received_idx, report_facts_unit_handled_idx`);
    await db.execute(sql`create unlogged table bench_units as select row_number() over (order by code) - 1 as i, code from communes where province_code = ${PROVINCE} order by code limit ${COMMUNES}`);
    await db.execute(sql`
      create unlogged table bench_procs as
      select row_number() over (order by v.code) - 1 as i, v.code, v.sector, v.online_level <> 'none' as online
      from procedures p join procedure_versions v on v.id = p.current_version_id where 'commune' = any(v.levels) order by v.code limit 200`);
    const procs = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from bench_procs`))[0]!.n;

    const t0 = performance.now();
    const starts = Array.from({ length: Math.ceil(ROWS / BATCH) }, (_, i) => i * BATCH);
    let done = 0;
    // Dossiers spread evenly over 1 Jul 2025 – 22 Nov 2026 (510 days) and over the communes; the
    // procedure, channel, lateness and flags come from multiplicative hashes of the row number.
    await inParallel(url, starts, async (client, start) => {
      const end = Math.min(ROWS, start + BATCH) - 1;
      await client.query(factsBatch, [start, end, PROVINCE, COMMUNES, procs, ROWS]);
      done += end - start + 1;
      log(`generated ${done} dossiers (${seconds(t0)} s)`);
    });
    const generated = seconds(t0);

    const t1 = performance.now();
    await db.execute(sql`alter table report_dossier_facts add primary key (code)`);
    await db.execute(sql`create unique index report_facts_dossier_uq on report_dossier_facts (dossier_id)`);
    await db.execute(sql`create index report_facts_unit_received_idx on report_dossier_facts (unit_code, received_day)`);
    await db.execute(sql`create index report_facts_unit_handled_idx on report_dossier_facts (unit_code, handled_day)`);
    await db.execute(sql`alter table report_dossier_facts enable trigger report_facts_rollup`);
    const indexed = seconds(t1);
    const t2 = performance.now();
    await rebuildProvince(db, PROVINCE);
    await db.execute(sql`vacuum analyze report_daily`);
    await db.execute(sql`vacuum analyze report_procedure_months`);
    const rolled = seconds(t2);
    const dailyRows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from report_daily where province_code = ${PROVINCE}`))[0]!.n;
    const facts = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from report_daily d where province_code = ${PROVINCE} and received > 0`))[0]!.n;
    log(`${ROWS} facts, ${dailyRows} daily rollup rows (${facts} unit-days with intake); indexes ${indexed} s, rollups ${rolled} s`);
    return { generated, indexed, rolled, dailyRows };

  } finally {
    await database.close();
  }
}

// $1 start, $2 end (row numbers), $3 province, $4 communes, $5 procedures, $6 total rows.
const factsBatch = `
insert into report_dossier_facts
select 'B' || g, null, 'import', $3, u.code, null, null, p.code, 'Thủ tục ' || p.code, p.sector,
  case when h1 < 700 then 2 else 1 end, false, case when x.open then 'processing' else 'returned' end,
  x.received_at, x.due_at, x.finished_at, x.returned_at, x.finished_at,
  case when x.open then x.due_at when x.late then x.due_at end,
  (x.received_at at time zone 'Asia/Ho_Chi_Minh')::date,
  (x.finished_at at time zone 'Asia/Ho_Chi_Minh')::date,
  (x.returned_at at time zone 'Asia/Ho_Chi_Minh')::date,
  (x.finished_at at time zone 'Asia/Ho_Chi_Minh')::date,
  case when x.open or x.late then (x.due_at at time zone 'Asia/Ho_Chi_Minh')::date end,
  true, case when x.open then null when x.late then 'late' when h3 < 300 then 'early' else 'on_time' end,
  case when x.open then null else not x.late end, 0,
  case when x.open then null else round((extract(epoch from x.finished_at - x.received_at) / 86400)::numeric, 2)::float8 end,
  case when h2 < 300 then 50000 else 0 end, h2 < 300 and h1 < 500, true, h3 < 850, h4 < 900, h4 < 500, h4 < 300, h5 < 600,
  false, false, h5 < 950, case when h5 < 300 then (case when h5 < 20 then 1 else 3 end) end::smallint, false, false, now()
from generate_series($1::bigint, $2::bigint) g
cross join lateral (select (g * 2654435761) % 1000 as h1, (g * 40503 + 7) % 1000 as h2, (g * 2246822519) % 1000 as h3,
                           (g * 3266489917) % 1000 as h4, (g * 668265263) % 1000 as h5) h
join bench_units u on u.i = g % $4
join bench_procs p on p.i = ((g / $4) * 7919 % 1000003) % $5
cross join lateral (
  select r.received_at, r.received_at + interval '3 days' as due_at,
         r.received_at > timestamptz '2026-11-17 00:00+07' as open,
         h3 >= 960 as late
  from (select timestamptz '2025-07-01 08:00+07' + (g * 510.0 / $6) * interval '1 day' + (g % 9) * interval '1 hour' as received_at) r
) y
cross join lateral (
  select y.received_at, y.due_at, y.open, y.late,
         case when y.open then null when y.late then y.due_at + interval '1 day' else y.received_at + (h3 / 1000.0) * interval '2 days' end as finished_at,
         case when y.open then null when y.late then y.due_at + interval '26 hours' else y.received_at + (h3 / 1000.0) * interval '2 days' + interval '2 hours' end as returned_at
) x`;

export default async function run(): Promise<BenchResult[]> {
  const data = await keptDatabase({
    prefix: 'motcua_bench_reports',
    version: GENERATOR_VERSION,
    rows: ROWS,
    generate,
    refresh: async (url) => {
      const database = await openPostgres(url, 1);
      try {
        const migrated = await migrate(database.db);
        await loadSeeds(database.db);
        return migrated.length > 0 ? [`applied ${migrated.join(', ')}`] : [];
      } finally {
        await database.close();
      }
    },
  });
  const database = await openPostgres(data.url, 4);
  const db = database.db;
  const deps = { db, clock: systemClock, ids: uuidv7Ids, log: pino({ level: 'silent' }) };
  const results: BenchResult[] = [];
  try {
    const province = (await resolveUnit(db, PROVINCE))!;
    const commune = (await resolveUnit(db, rowsOf<{ code: string }>(await db.execute(sql`select code from communes where province_code = ${PROVINCE} order by code limit 1`))[0]!.code))!;
    const check = await unitScore(deps, province, { from: '2026-01-01', to: '2026-11-22' });
    if (check.counts.received <= 0) throw new Error('the generated history did not reach the rollups');
    process.stdout.write(`  province score 2026: ${check.score.total} (${check.counts.received} dossiers received)\n`);

    const measure = async (label: string, fn: () => Promise<unknown>, n: number) => {
      const times = await timeCalls(n, fn, 5);
      const note = `PostgreSQL (kept bench database), ${ROWS.toLocaleString('en')} dossiers, service call without HTTP`;
      results.push({ name: `${label} p50`, value: round(percentile(times, 50), 1), unit: 'ms', goal: '< 200 ms', note });
      results.push({ name: `${label} p95`, value: round(percentile(times, 95), 1), unit: 'ms', goal: '< 200 ms', note });
    };
    await measure(`province score, one month (124 communes, ${(ROWS / 1e6).toLocaleString('en')}M dossiers)`, () => unitScore(deps, province, { from: '2026-10-01', to: '2026-10-31' }), 40);
    await measure('province score, Jan–Nov 2026', () => unitScore(deps, province, { from: '2026-01-01', to: '2026-11-22' }), 40);
    await measure('commune score, Jan–Nov 2026', () => unitScore(deps, commune, { from: '2026-01-01', to: '2026-11-22' }), 40);
    await measure('leaderboard of 124 communes, one month', () => leaderboard(deps, PROVINCE, { from: '2026-10-01', to: '2026-10-31' }), 20);
    const { generated, indexed, rolled, dailyRows } = data.steps;
    results.push(
      { name: `generate ${ROWS.toLocaleString('en')} dossiers (generate_series; once, kept and reused)`, value: generated ?? NaN, unit: 's', note: `set-based INSERT … SELECT, trigger and indexes off; ${provenance(data)}` },
      { name: 'build fact indexes (once)', value: indexed ?? NaN, unit: 's' },
      { name: 'rebuild rollups from facts (once)', value: rolled ?? NaN, unit: 's', note: `${dailyRows} daily rows; procedure-month masks` },
    );
    return results;
  } finally {
    await database.close();
  }
}
