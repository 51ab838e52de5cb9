// Dossier lifecycle through the HTTP API on PostgreSQL with 1 million existing dossiers, next to
// the same SQL statements replayed straight through `pg` in the same run.
//
// A copy of the kept 1M-dossier database (support/dossiers.ts) is made for the run and dropped
// afterwards. The API runs as its own process (apps/api/src/main.ts, pool of 10 connections);
// virtual users at the three demo commune centers each repeat: counter intake (complete dossier,
// assigned automatically to the specialist) → start review → submit for approval → leader approves
// → finish → result returned at the counter, with expectedVersion on every action.
//
// The raw-SQL side: one lifecycle is run in this process through the same use cases with every
// statement recorded (text, parameters, and which connection ran it, so transactions stay
// transactions); the trace is then replayed by as many concurrent workers as there were virtual
// users, on a pool of the same size, with the ids and the code the use cases generated replaced by
// fresh ones. The ratio is HTTP lifecycles/s ÷ replayed lifecycles/s.
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { httpModules } from '../apps/api/src/modules.ts';
import { systemClock } from '../apps/api/src/platform/clock.ts';
import { loadConfig } from '../apps/api/src/platform/config.ts';
import type { AppContext } from '../apps/api/src/platform/context.ts';
import { openPostgres } from '../apps/api/src/platform/db/client.ts';
import { buildApp } from '../apps/api/src/platform/http/app.ts';
import { uuidv7Ids } from '../apps/api/src/platform/ids.ts';
import { localStorage } from '../apps/api/src/platform/storage/storage.ts';
import { percentile, round, type BenchResult } from './lib.ts';
import { DEMO_PASSWORD, dossierDataset } from './support/dossiers.ts';
import { provenance } from './support/kept.ts';
import { createDatabase, dropDatabase, secondsSince } from './support/pg.ts';
import { bearer, client, startApi, type Client } from './support/server.ts';

const ROWS = Number(process.env.BENCH_LIFECYCLE_DOSSIERS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_LIFECYCLE_SECONDS ?? 45);
const WARMUP_SECONDS = Number(process.env.BENCH_LIFECYCLE_WARMUP ?? 5);
const USERS = Number(process.env.BENCH_LIFECYCLE_USERS ?? 12);
const POOL = 10;
const PROCEDURE = '1.001193'; // birth registration: same-day limit, offered by every demo commune center
const CENTERS = ['phuxuan', 'ayun', 'tuson'];
const applicant = { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' }, phone: '0905123456' };

type Step = { label: string; who: 'officer' | 'specialist' | 'leader'; action?: string };
const steps: Step[] = [
  { label: 'intake (POST /dossiers, auto-assigned)', who: 'officer' },
  { label: 'start_review', who: 'specialist', action: 'start_review' },
  { label: 'submit_for_approval', who: 'specialist', action: 'submit_for_approval' },
  { label: 'approve', who: 'leader', action: 'approve' },
  { label: 'finish', who: 'specialist', action: 'finish' },
  { label: 'return_result', who: 'officer', action: 'return_result' },
];

type Headers = Record<string, string>;
type Staff = Record<Step['who'], Headers>;
type Requester = { post(url: string, body: unknown, headers: Headers): Promise<{ status: number; body: string; json<T>(): T }> };

/** One lifecycle; `onCall` gets each call's duration. Throws on any unexpected answer. */
async function lifecycle(http: Requester, staff: Staff, checklist: unknown, onCall: (step: number, ms: number) => void): Promise<void> {
  let id = '';
  let version = 0;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const t = performance.now();
    const res = s.action
      ? await http.post(`/api/v1/dossiers/${id}/actions`, { action: s.action, expectedVersion: version }, staff[s.who])
      : await http.post('/api/v1/dossiers', { procedureCode: PROCEDURE, applicant, checklist, decision: 'accept' }, staff[s.who]);
    onCall(i, performance.now() - t);
    if (res.status !== (s.action ? 200 : 201)) throw new Error(`${s.label}: ${res.status} ${res.body}`);
    const d = res.json<{ id: string; version: number; status: string; step: string | null }>();
    if (!s.action && d.step !== 'assigned') throw new Error(`intake was not assigned automatically: ${d.status}/${d.step}`);
    id = d.id;
    version = d.version;
  }
}

/** Runs `users` loops of `one` for warm-up + measurement; counts what completes in the window. */
async function load(users: number, one: (user: number, record: boolean) => Promise<void>): Promise<{ done: number; seconds: number }> {
  const warmEnd = performance.now() + WARMUP_SECONDS * 1000;
  const end = warmEnd + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      while (performance.now() < end) {
        const started = performance.now();
        const record = started >= warmEnd;
        await one(u, record);
        if (record && performance.now() <= end) done++;
      }
    }),
  );
  return { done, seconds: SECONDS };
}

type Recorded = { client: pg.Client; text: string; values: unknown[] };

/** Runs `fn` with every statement sent by any pg client recorded. */
async function recordStatements(fn: () => Promise<void>): Promise<Recorded[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const trace: Recorded[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [q, v] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof q === 'string' ? q : q.text;
    const values = (Array.isArray(v) ? v : typeof q === 'object' ? q.values : undefined) ?? [];
    trace.push({ client: this, text, values });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return trace;
}

/** Deep-replaces the strings in `from` (ids and codes made by the use case) in a parameter. */
function substitute(v: unknown, swap: (s: string) => string): unknown {
  if (typeof v === 'string') return swap(v);
  if (Array.isArray(v)) return v.map((x) => substitute(x, swap));
  return v;
}

export default async function run(): Promise<BenchResult[]> {
  const data = await dossierDataset(ROWS);
  const name = `motcua_bench_lifecycle_${process.pid}`;
  const t0 = performance.now();
  const url = await createDatabase(name, data.name);
  const copied = secondsSince(t0);
  process.stdout.write(`  copied ${data.name} for this run (${copied} s)\n`);
  const results: BenchResult[] = [];
  try {
    // ── HTTP ────────────────────────────────────────────────────────────────────────────────
    const api = await startApi(url, 18_190, { DATABASE_POOL_SIZE: String(POOL) });
    const http: Client = client(api.url, USERS);
    const perStep: number[][] = steps.map(() => []);
    let httpRate: number;
    let staffByCenter: Staff[];
    let checklist: unknown;
    try {
      staffByCenter = [];
      for (const c of CENTERS) {
        staffByCenter.push({ officer: await bearer(http, `${c}.motcua`, DEMO_PASSWORD), specialist: await bearer(http, `${c}.chuyenvien`, DEMO_PASSWORD), leader: await bearer(http, `${c}.lanhdao`, DEMO_PASSWORD) });
      }
      const proc = await http.get(`/api/v1/procedures/${PROCEDURE}`);
      if (proc.status !== 200) throw new Error(`procedure ${PROCEDURE}: ${proc.status}`);
      checklist = proc.json<{ documents: { id: string; requirement: string }[] }>().documents.map((d) => ({ itemId: d.id, provided: d.requirement === 'mandatory' }));
      const res = await load(USERS, (u, record) =>
        lifecycle(http, staffByCenter[u % CENTERS.length]!, checklist, (i, ms) => {
          if (record) perStep[i]!.push(ms);
        }),
      );
      httpRate = res.done / res.seconds;
      process.stdout.write(`  HTTP: ${res.done} lifecycles in ${res.seconds} s, server RSS ${Math.round(api.rssMb())} MiB\n`);
    } finally {
      http.close();
      await api.stop();
    }

    // ── Trace of one lifecycle, run in this process through the same use cases ─────────────
    const database = await openPostgres(url, POOL);
    const made = new Set<string>();
    const ctx: AppContext = {
      db: database.db,
      dbKind: database.kind,
      clock: systemClock,
      ids: {
        next: () => {
          const id = uuidv7Ids.next();
          made.add(id);
          return id;
        },
      },
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, MOTCUA_WORKER: 'off', MOTCUA_SIMULATORS: 'off', MOTCUA_LOGIN_RATE_LIMIT: '1000' }),
      log: pino({ level: 'silent' }),
      storage: localStorage(path.join(os.tmpdir(), 'motcua-bench-lifecycle-files')),
      wakeOutbox: () => {},
    };
    const app = await buildApp(ctx, httpModules, { webDist: null, defaultMetrics: false });
    const inject: Requester = {
      post: async (u, body, headers) => {
        const r = await app.inject({ method: 'POST', url: u, payload: body as object, headers });
        return { status: r.statusCode, body: r.body, json: <T>() => r.json() as T };
      },
    };
    const staff: Staff = { officer: {}, specialist: {}, leader: {} };
    for (const [who, suffix] of [['officer', 'motcua'], ['specialist', 'chuyenvien'], ['leader', 'lanhdao']] as const) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `phuxuan.${suffix}`, password: DEMO_PASSWORD } });
      staff[who] = { authorization: `Bearer ${r.json().token}` };
    }
    await lifecycle(inject, staff, checklist, () => {}); // warm caches (calendar, procedure)
    made.clear();
    let code = '';
    const trace = await recordStatements(() =>
      lifecycle(
        {
          post: async (u, body, headers) => {
            const r = await inject.post(u, body, headers);
            if (!code && r.status === 201) code = r.json<{ code: string }>().code;
            return r;
          },
        },
        staff,
        checklist,
        () => {},
      ),
    );
    await app.close();
    await database.close();
    const statements = trace.length;
    const transactions = trace.filter((s) => /^begin/i.test(s.text)).length;

    // ── Raw replay ──────────────────────────────────────────────────────────────────────────
    const pool = new pg.Pool({ connectionString: url, max: POOL });
    let serial = 0;
    const replay = async (user: number) => {
      const n = ++serial;
      const fresh = new Map([...made].map((id) => [id, uuidv7Ids.next()]));
      const newCode = `${code.slice(0, code.lastIndexOf('-'))}-R${user}x${n}`;
      const swap = (s: string) => {
        let out = s.includes(code) ? s.replaceAll(code, newCode) : s;
        if (out.length >= 36) for (const [a, b] of fresh) if (out.includes(a)) out = out.replaceAll(a, b);
        return out;
      };
      let tx: pg.PoolClient | null = null;
      let txOwner: pg.Client | null = null;
      for (const s of trace) {
        const values = s.values.map((v) => substitute(v, swap));
        if (!tx && /^begin/i.test(s.text)) {
          tx = await pool.connect();
          txOwner = s.client;
          await tx.query(s.text, values);
        } else if (tx && s.client === txOwner) {
          await tx.query(s.text, values);
          if (/^(commit|rollback)$/i.test(s.text)) {
            tx.release();
            tx = null;
            txOwner = null;
          }
        } else {
          await pool.query(s.text, values);
        }
      }
      if (tx) throw new Error('the trace ends inside a transaction');
    };
    const raw = await load(USERS, (u) => replay(u));
    await pool.end();
    const rawRate = raw.done / raw.seconds;
    process.stdout.write(`  raw SQL: ${raw.done} replays of ${statements} statements (${transactions} transactions) in ${raw.seconds} s\n`);

    const note = `${ROWS.toLocaleString('en')} existing dossiers, PostgreSQL, ${USERS} concurrent users at 3 centers, API process with a pool of ${POOL}, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up`;
    results.push(
      { name: `lifecycles per second through the HTTP API (6 calls each)`, value: round(httpRate, 1), unit: 'lifecycles/s', goal: '≥ 200', note },
      { name: `same statements replayed through pg (${statements} statements, ${transactions} transactions per lifecycle)`, value: round(rawRate, 1), unit: 'lifecycles/s', note: 'same run, same database, same concurrency and pool size' },
      { name: 'HTTP API rate as a share of raw SQL', value: round((100 * httpRate) / rawRate, 1), unit: '%', goal: '≥ 50%' },
    );
    for (let i = 0; i < steps.length; i++) {
      const times = perStep[i]!.sort((a, b) => a - b);
      results.push({ name: `${steps[i]!.label} p50`, value: round(percentile(times, 50), 1), unit: 'ms' });
      results.push({ name: `${steps[i]!.label} p99`, value: round(percentile(times, 99), 1), unit: 'ms', note: `${times.length} calls` });
    }
    results.push({ name: `generate ${ROWS.toLocaleString('en')} dossiers (once; kept and reused)`, value: data.generationSeconds, unit: 's', note: provenance(data) });
    results.push({ name: `copy of the ${ROWS.toLocaleString('en')}-dossier database for this run`, value: copied, unit: 's' });
    return results;
  } finally {
    await dropDatabase(name);
  }
}
