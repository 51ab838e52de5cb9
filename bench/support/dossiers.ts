// A province's dossier history generated set-based (generate_series, like the reports bench) into
// a kept database `motcua_bench_dossiers_<rows>`, reused by later runs while its generator version
// and row count match; new migrations and seed versions are applied on reuse, as a start would.
//
// Shape: two years of history ending the day before generation, spread evenly in time. The demo
// centers of Huế, Gia Lai and Bắc Ninh plus one generated center per other commune of those three
// provinces (≈ 270 centers); Phường Phú Xuân (H46.01, where the demo staff work) takes 10% of
// all dossiers and 5% of other Huế centers' dossiers name it the competent center (boundary-free).
// Dossiers of the last 10 days are open (received, assigned, in review, awaiting approval, approved,
// supplement requested, awaiting payment, finished awaiting hand-over); older ones are returned
// (≈ 96%), not accepted, withdrawn or stopped. Work at a demo center is assigned to its specialist.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { runSeeds } from '../../apps/api/seed/index.ts';
import { systemClock } from '../../apps/api/src/platform/clock.ts';
import { openPostgres, type Db } from '../../apps/api/src/platform/db/client.ts';
import { migrate } from '../../apps/api/src/platform/db/migrate.ts';
import { uuidv7Ids } from '../../apps/api/src/platform/ids.ts';
import { bulkSession, inParallel, keptDatabase, log as say, type Dataset, type Log } from './kept.ts';
import { secondsSince } from './pg.ts';

/** Bump when the generated data changes: kept databases of another version are regenerated. */
const GENERATOR_VERSION = 1;
const BATCH = 500_000;
export const DEMO_PASSWORD = 'motcua';

const loadSeeds = (db: Db) => runSeeds(db, { clock: systemClock, ids: uuidv7Ids, demo: true, demoPassword: DEMO_PASSWORD });

/** The kept database of `rows` dossiers (motcua_bench_dossiers_1m, …_10m): reused while current. */
export function dossierDataset(rows: number, log: Log = say): Promise<Dataset> {
  return keptDatabase(
    {
      prefix: 'motcua_bench_dossiers',
      version: GENERATOR_VERSION,
      rows,
      generate: async (url, l) => {
        await generate(url, rows, l);
        return {};
      },
      // A start applies new migrations and seed versions; so does a reuse (and re-plans after them).
      refresh: async (url) => {
        const database = await openPostgres(url, 2);
        try {
          const migrated = await migrate(database.db);
          await loadSeeds(database.db);
          if (migrated.length > 0) await database.db.execute(sql`analyze dossiers`);
          return migrated.length > 0 ? [`applied ${migrated.join(', ')}`] : [];
        } finally {
          await database.close();
        }
      },
    },
    log,
  );
}

async function generate(url: string, rows: number, log: Log): Promise<void> {
  const database = await openPostgres(url, 1);
  try {
    await migrate(database.db);
    await loadSeeds(database.db);
  } finally {
    await database.close();
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await bulkSession(c);
    // Centers: the demo ones, plus one per other commune of the three demo provinces.
    await c.query(`
      insert into centers (id, province_code, commune_code, agency_code, name, level, address, working_hours, created_at)
      select gen_random_uuid(), m.province_code, m.code, 'H' || m.province_code || '.' || (100 + row_number() over (partition by m.province_code order by m.code)),
             'Trung tâm Phục vụ hành chính công ' || m.full_name, 'commune', '', (select working_hours from centers where agency_code = 'H46.01'), now()
      from communes m
      where m.province_code in ('46', '52', '24') and not exists (select 1 from centers c where c.commune_code = m.code)`);
    await c.query(`
      create unlogged table bench_centers as
      select (row_number() over (order by c.agency_code = 'H46.01' desc, c.agency_code) - 1)::int as i, c.id, c.agency_code, c.province_code,
             coalesce(c.commune_code, '19753') as commune_code,
             (select u.id from users u where u.center_id = c.id and u.role = 'specialist' order by u.username limit 1) as specialist
      from centers c where c.province_code in ('46', '52', '24')`);
    const centers = (await c.query<{ n: number }>(`select count(*)::int as n from bench_centers`)).rows[0]!.n;
    const phuxuan = (await c.query<{ id: string }>(`select id from bench_centers where i = 0`)).rows[0]!.id;
    await c.query(`
      create unlogged table bench_procs as
      select (row_number() over (order by v.code) - 1)::int as i, v.code, v.id, v.name
      from procedures p join procedure_versions v on v.id = p.current_version_id where 'commune' = any(v.levels)`);
    const procs = (await c.query<{ n: number }>(`select count(*)::int as n from bench_procs`)).rows[0]!.n;
    await c.query(`create unlogged table bench_names (i int, family text, middle text, given text)`);
    await c.query(`
      insert into bench_names
      select i - 1, (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])[1 + i % 16],
             (array['Văn','Thị','Hữu','Đức','Minh','Thanh','Quang','Ngọc','Thu','Xuân'])[1 + i % 10],
             (array['An','Bình','Châu','Dũng','Hà','Hải','Hạnh','Hùng','Hương','Khánh','Lan','Long','Mai','Nam','Phúc','Quân','Sơn','Tâm','Thảo','Trang','Tuấn','Vy','Yến'])[1 + i % 23]
      from generate_series(1, 3680) i`);

    // Load without secondary indexes, foreign keys or the primary key; put them back afterwards
    // exactly as the migrations define them.
    const constraints = (
      await c.query<{ tbl: string; name: string; def: string; fk: boolean }>(
        `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def, contype = 'f' as fk from pg_constraint
         where (conrelid = 'dossiers'::regclass and contype in ('p', 'f', 'u')) or (confrelid = 'dossiers'::regclass and contype = 'f')`,
      )
    ).rows;
    const indexes = (
      await c.query<{ name: string; def: string }>(
        `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i where i.indrelid = 'dossiers'::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
      )
    ).rows;
    const fks = constraints.filter((k) => k.fk);
    const keys = constraints.filter((k) => !k.fk);
    for (const k of [...fks, ...keys]) await c.query(`alter table ${k.tbl} drop constraint ${k.name}`);
    for (const ix of indexes) await c.query(`drop index ${ix.name}`);

    const historyEnd = (await c.query<{ t: Date }>(`select date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh' as t`)).rows[0]!.t;
    const t0 = performance.now();
    const starts = Array.from({ length: Math.ceil(rows / BATCH) }, (_, i) => i * BATCH);
    let done = 0;
    await inParallel(url, starts, async (client, start) => {
      const end = Math.min(rows, start + BATCH) - 1;
      await client.query(insertBatch, [start, end, rows, centers, procs, phuxuan, historyEnd]);
      done += end - start + 1;
      log(`generated ${done.toLocaleString('en')} of ${rows.toLocaleString('en')} dossiers (${secondsSince(t0)} s)`);
    });
    const t1 = performance.now();
    for (const k of keys) await c.query(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`);
    for (const ix of indexes) await c.query(ix.def);
    for (const k of fks) await c.query(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`);
    log(`indexes and foreign keys rebuilt (${secondsSince(t1)} s)`);
    await c.query(`drop table bench_centers, bench_procs, bench_names`);
    const t2 = performance.now();
    await c.query(`vacuum (analyze) dossiers`);
    log(`vacuum analyze (${secondsSince(t2)} s)`);
  } finally {
    await c.end();
  }
}

// $1 start, $2 end (row numbers), $3 total rows, $4 centers, $5 procedures, $6 Phú Xuân's center id,
// $7 end of the history (midnight starting the generation day in Vietnam).
const insertBatch = `
insert into dossiers (id, code, province_code, center_id, competent_center_id, procedure_code, procedure_version_id, procedure_name, channel,
  status, step, resume_state, applicant, time_limit, received_at, clock_starts_at, due_at, original_due_at, paused_at, remaining_seconds,
  supplement_count, apology_count, assignee_id, finished_at, returned_at, outcome, fee_total, fee_paid, version, created_at, updated_at)
select gen_random_uuid(),
  c.agency_code || '-' || to_char(t.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(g::text, 8, '0'),
  c.province_code, c.id, case when c.province_code = '46' and c.i > 0 and h.h2 < 50 then $6::uuid else c.id end,
  p.code, p.id, p.name, case when h.h1 < 300 then 2 else 1 end,
  s.status, s.step, case when s.status = 'supplement_requested' then 'processing:in_review' end,
  jsonb_build_object('idNumber', '0' || lpad(((g * 7919) % 99999999999)::text, 11, '0'), 'fullName', n.family || ' ' || n.middle || ' ' || n.given,
    'dateOfBirth', to_char(date '1950-01-01' + ((g * 31) % 25000)::int, 'YYYY-MM-DD'), 'sex', case when g % 2 = 0 then 'male' else 'female' end,
    'address', jsonb_build_object('line', (1 + g % 300) || ' Lê Lợi', 'communeCode', c.commune_code), 'phone', '09' || lpad(((g * 104729) % 100000000)::text, 8, '0')),
  jsonb_build_object('workingDays', t.days), t.received_at,
  case when s.status <> 'not_accepted' then t.received_at end,
  case when s.status <> 'not_accepted' then t.due_at end, case when s.status <> 'not_accepted' then t.due_at end,
  case when s.status = 'supplement_requested' then t.received_at + interval '1 day' end,
  case when s.status = 'supplement_requested' then t.days * 28800 end,
  case when s.status = 'supplement_requested' then 1 else 0 end, 0,
  case when s.status in ('processing', 'supplement_requested', 'awaiting_payment', 'finished', 'returned', 'stopped') then c.specialist end,
  s.finished_at, s.returned_at,
  case when s.finished_at is null then null when s.finished_at > t.due_at then 'late' when h.h3 < 300 then 'early' else 'on_time' end,
  case when h.h4 < 200 then 50000 else 0 end, h.h4 < 200 and s.status in ('finished', 'returned'),
  case when s.status = 'returned' then 7 when s.status = 'processing' then 3 else 2 end,
  t.received_at, coalesce(s.returned_at, s.finished_at, t.received_at)
from generate_series($1::bigint, $2::bigint) g
cross join lateral (select (g * 2654435761) % 1000 as h1, (g * 40503 + 7) % 1000 as h2, (g * 2246822519) % 1000 as h3,
                           (g * 3266489917) % 1000 as h4, (g * 668265263) % 1000 as h5) h
join bench_centers c on c.i = case when h.h5 < 100 then 0 else 1 + (g * 7919) % ($4 - 1) end
join bench_procs p on p.i = (g * 104723) % $5
join bench_names n on n.i = (g * 6007) % 3680
cross join lateral (
  select r.received_at, (1 + h.h3 % 15)::int as days, r.received_at + (1 + h.h3 % 15) * interval '1 day' * 1.4 as due_at,
         extract(epoch from $7::timestamptz - r.received_at) / 86400 as age
  from (select $7::timestamptz - interval '730 days' + (g * 730.0 / $3) * interval '1 day' + (g % 9) * interval '1 hour' as received_at) r
) t
cross join lateral (
  select case when t.age < 10 then (array['received','processing','processing','processing','processing','processing','processing','supplement_requested','awaiting_payment','finished'])[1 + h.h2 % 10]
              when h.h4 < 25 then 'not_accepted' when h.h4 < 35 then 'withdrawn' when h.h4 < 40 then 'stopped' else 'returned' end as status
) st
cross join lateral (
  select st.status,
         case when st.status = 'processing' then (array['assigned','in_review','in_review','awaiting_approval','approved'])[1 + h.h3 % 5] end as step,
         case when st.status in ('finished', 'returned') then t.received_at + (h.h3 / 1000.0) * (t.due_at - t.received_at) * 1.1 end as finished_at,
         case when st.status = 'returned' then t.received_at + (h.h3 / 1000.0) * (t.due_at - t.received_at) * 1.1 + interval '2 hours' end as returned_at
) s`;
