// Portal sync: a backlog of 100,000 dossier changes (20,000 dossiers × 5 events, each with its
// outbox message exactly as recordEvent writes it) drained by the outbox worker with the production
// settings against the portal simulator running as its own process. Goal: ≥ 1,000 changes per second.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import pino from 'pino';
import pg from 'pg';
import { syncHandlers } from '../apps/api/src/modules/sync/index.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/platform/config.ts';
import type { AppContext } from '../apps/api/src/platform/context.ts';
import { openPglite, openPostgres, rowsOf, type Database } from '../apps/api/src/platform/db/client.ts';
import { migrate } from '../apps/api/src/platform/db/migrate.ts';
import { uuidv7Ids } from '../apps/api/src/platform/ids.ts';
import { OutboxWorker } from '../apps/api/src/platform/outbox/worker.ts';
import { localStorage } from '../apps/api/src/platform/storage/storage.ts';
import { runSeeds } from '../apps/api/seed/index.ts';
import { percentile, round, type BenchResult } from './lib.ts';

const DOSSIERS = Number(process.env.BENCH_SYNC_DOSSIERS ?? 20_000);
const PER_DOSSIER = 5;
const steps = ['received', 'processing:assigned', 'processing:in_review', 'processing:awaiting_approval', 'processing:in_review'];
const actions = ['receive', 'assign', 'start_review', 'submit_for_approval', 'send_back'];

export async function openDb(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite(undefined);
  const name = `motcua_bench_sync_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 10);
  return {
    ...db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function startSimulator(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../apps/api/src/simulators/portal-main.ts')], {
    env: { ...process.env, SIM_PORTAL_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      const m = /on (http:\/\/[\d.:]+)/.exec(b.toString());
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error('portal simulator exited')));
  });
  return { url, stop: () => void child.kill('SIGTERM') };
}

/** 100,000 changes in the outbox, as 20,000 dossiers received at one center would leave them. */
export async function backlog(db: Database['db']): Promise<void> {
  const [center] = rowsOf<{ id: string; province_code: string }>(await db.execute(sql`select id, province_code from centers where agency_code = 'H46.01'`));
  const [version] = rowsOf<{ id: string; code: string; name: string }>(await db.execute(sql`select id, code, name from procedure_versions where code = '1.001193' order by version desc limit 1`));
  const ids = Array.from({ length: DOSSIERS }, () => uuidv7Ids.next());
  const at0 = Date.now() - 60_000;
  const applicant = JSON.stringify({ idNumber: '046090123456', fullName: 'Người Dân', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' } });
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = ids.slice(i, i + 1000).map(
      (id, k) =>
        sql`(${id}::uuid, ${`H46.01-261123-B${String(i + k).padStart(5, '0')}`}, ${center!.province_code}, ${center!.id}::uuid, ${center!.id}::uuid, ${version!.code}, ${version!.id}::uuid, ${version!.name}, 1, 'processing', 'in_review', ${applicant}::jsonb, '{"workingDays":3}'::jsonb, ${new Date(at0)}, ${PER_DOSSIER}, ${new Date(at0)}, ${new Date(at0)})`,
    );
    await db.execute(sql`insert into dossiers (id, code, province_code, center_id, competent_center_id, procedure_code, procedure_version_id, procedure_name, channel, status, step, applicant, time_limit, received_at, version, created_at, updated_at) values ${sql.join(rows, sql`, `)}`);
  }
  // The events' hash chain is not computed (placeholder hashes): it plays no part in the sync.
  const noHash = '0'.repeat(64);
  let events: SQL[] = [];
  let messages: SQL[] = [];
  let tick = at0;
  const flush = async () => {
    await db.execute(sql`insert into dossier_events (id, dossier_id, seq, at, actor_id, actor_role, action, from_state, to_state, reason, data, prev_hash, hash) values ${sql.join(events, sql`, `)}`);
    await db.execute(sql`insert into outbox_messages (id, topic, payload, idempotency_key, ordering_key, status, attempts, max_attempts, next_attempt_at, created_at) values ${sql.join(messages, sql`, `)}`);
    events = [];
    messages = [];
  };
  for (let k = 0; k < PER_DOSSIER; k++) {
    for (const dossierId of ids) {
      const at = new Date(tick++).toISOString();
      const from = k === 0 ? null : steps[k - 1]!;
      events.push(sql`(${uuidv7Ids.next()}::uuid, ${dossierId}::uuid, ${k + 1}, ${at}::timestamptz, null, 'system', ${actions[k]!}, ${from}, ${steps[k]!}, null, '{}'::jsonb, ${noHash}, ${noHash})`);
      const change = { dossierId, seq: k + 1, at, action: actions[k]!, fromState: from, toState: steps[k]!, data: {} };
      messages.push(sql`(${uuidv7Ids.next()}::uuid, 'portal.sync', ${JSON.stringify(change)}::jsonb, ${`${dossierId}:${k + 1}`}, ${dossierId}, 'pending', 0, 1000000, ${at}::timestamptz, ${at}::timestamptz)`);
      if (events.length >= 1000) await flush();
    }
  }
  if (events.length > 0) await flush();
}

export default async function run(): Promise<BenchResult[]> {
  const database = await openDb();
  await migrate(database.db);
  await runSeeds(database.db, { clock: systemClock, ids: uuidv7Ids, demo: true, demoPassword: 'motcua' });
  await backlog(database.db);
  const sim = await startSimulator();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MOTCUA_PORTAL_URL: sim.url });
  const ctx: AppContext = { db: database.db, dbKind: database.kind, clock: systemClock, ids: uuidv7Ids, config, log: pino({ level: 'silent' }), storage: localStorage('/tmp/motcua-bench-files'), wakeOutbox: () => {} };
  // The production settings (MOTCUA_OUTBOX_* defaults), one worker.
  const worker = new OutboxWorker({ db: ctx.db, clock: ctx.clock, log: ctx.log, ...config.outbox });
  for (const [topic, handler] of Object.entries(syncHandlers(ctx))) worker.register(topic, handler);
  const total = DOSSIERS * PER_DOSSIER;
  const started = performance.now();
  worker.start();
  let done = 0;
  while (done < total) {
    await new Promise((r) => setTimeout(r, 200));
    done = rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from outbox_messages where status = 'done'`))[0]!.n;
  }
  await worker.stop();
  const seconds = (performance.now() - started) / 1000;
  const notes = rowsOf<{ dead: number; records: number }>(await ctx.db.execute(sql`select count(*) filter (where status = 'dead')::int as dead, 0 as records from outbox_messages`))[0]!;
  const res = await fetch(`${sim.url}/admin/stats`);
  const stats = (await res.json()) as { records: number; changesApplied: number; duplicatesReceived: number };
  const lags = rowsOf<{ lag_ms: number }>(await ctx.db.execute(sql`select lag_ms from sync_acks order by lag_ms`)).map((r) => Number(r.lag_ms));
  sim.stop();
  await database.close();
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  const note = `${total.toLocaleString('en')} changes of ${DOSSIERS.toLocaleString('en')} dossiers, batch ${config.outbox.batchSize}, one worker, simulator in its own process, ${db}; portal holds ${stats.records} records, applied ${stats.changesApplied}, dead ${notes.dead}`;
  return [
    { name: 'backlog drain rate', value: round(total / seconds, 0), unit: 'changes/s', goal: '≥ 1000', note },
    { name: 'backlog drain time', value: round(seconds, 1), unit: 's', note },
    { name: 'lag p99 while draining', value: round(percentile(lags, 99) / 1000, 1), unit: 's', note: 'change → acknowledgement, for changes waiting in the backlog from the start' },
  ];
}
