// Kept bench databases: a large generated data set lives in its own database on the bench server
// (motcua_bench_<what>_<rows>) and is reused by later runs while its generator version and row
// count match, so that `npm run bench` pays for generating millions of rows once, not every run.
// A marker row written last (`bench_dataset`) tells a complete data set from an interrupted one.
import os from 'node:os';
import pg from 'pg';
import { admin, databaseExists, dropDatabase, pgUrl, secondsSince } from './pg.ts';

export type Log = (line: string) => void;
export const log: Log = (line) => process.stdout.write(`  ${line}\n`);

export type Dataset = {
  name: string;
  url: string;
  rows: number;
  /** True when this run generated it; false when an earlier run's was reused. */
  fresh: boolean;
  /** When it was generated (ISO), how long that took, and the generator's own step timings. */
  generatedAt: string;
  generationSeconds: number;
  steps: Record<string, number>;
  /** Load averages (1, 5, 15 min) when generation ended: the machine may have been shared. */
  load: string;
  /** What the refresh did on reuse (e.g. migrations added since generation). */
  refreshed: string[];
};

type Marker = { version: number; rows: number; generatedAt: string; seconds: number; steps?: Record<string, number>; load?: string };

export type KeptSpec = {
  /** motcua_bench_<what>: the row count is appended. */
  prefix: string;
  version: number;
  rows: number;
  /** Fills the empty database at `url`; returns step timings (seconds) worth reporting. */
  generate(url: string, log: Log): Promise<Record<string, number>>;
  /** Brings a reused database up to date (migrations, seeds); returns what it changed. */
  refresh?(url: string): Promise<string[]>;
};

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

/** How a kept data set came to be, for a result's note. */
export const provenance = (d: Dataset) =>
  `${d.fresh ? 'generated in this run' : `kept database generated ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC`}, load average at the end ${d.load}`;

export const rowsLabel = (rows: number) => (rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}m` : rows >= 1e3 && rows % 1e3 === 0 ? `${rows / 1e3}k` : String(rows));

async function readMarker(url: string): Promise<Marker | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return ((await c.query(`select value from bench_dataset where key = 'marker'`)).rows[0]?.value as Marker | undefined) ?? null;
  } catch {
    return null;
  } finally {
    await c.end();
  }
}

/** The kept database of `spec`: reused when complete and current, otherwise (re)generated. */
export async function keptDatabase(spec: KeptSpec, say: Log = log): Promise<Dataset> {
  const name = `${spec.prefix}_${rowsLabel(spec.rows)}`;
  const url = pgUrl(name);
  if (await databaseExists(name)) {
    const marker = await readMarker(url);
    if (marker && marker.version === spec.version && marker.rows === spec.rows) {
      const refreshed = spec.refresh ? await spec.refresh(url) : [];
      say(`reusing ${name} (generated ${marker.generatedAt} in ${marker.seconds} s)${refreshed.length ? `; ${refreshed.join(', ')}` : ''}`);
      return { name, url, rows: spec.rows, fresh: false, generatedAt: marker.generatedAt, generationSeconds: marker.seconds, steps: marker.steps ?? {}, load: marker.load ?? 'not recorded', refreshed };
    }
    say(`${name} is incomplete or of another generator version: generating it again`);
    await dropDatabase(name);
  }
  await admin(`create database ${name}`);
  const t0 = performance.now();
  const steps = await spec.generate(url, say);
  const seconds = secondsSince(t0);
  const generatedAt = new Date().toISOString();
  const load = loadAverage();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`create table bench_dataset (key text primary key, value jsonb not null)`);
    await c.query(`insert into bench_dataset values ('marker', $1)`, [JSON.stringify({ version: spec.version, rows: spec.rows, generatedAt, seconds, steps, load } satisfies Marker)]);
  } finally {
    await c.end();
  }
  say(`generated ${name} in ${seconds} s`);
  return { name, url, rows: spec.rows, fresh: true, generatedAt, generationSeconds: seconds, steps, load, refreshed: [] };
}

/**
 * Generation is long, heavy work on a machine others may be using: when the server runs here, the
 * backend of this connection gets a lower CPU priority (best effort).
 */
export async function lowerPriority(c: pg.Client): Promise<void> {
  if (!['127.0.0.1', 'localhost'].includes(new URL(pgUrl()).hostname)) return;
  const pid = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  try {
    os.setPriority(pid, 10);
  } catch {
    // not allowed: run at normal priority
  }
}

/** Settings for one bulk-loading session. */
export async function bulkSession(c: pg.Client): Promise<void> {
  await c.query(`set maintenance_work_mem = '1GB'`);
  await c.query(`set synchronous_commit = off`);
  // The planner's cost of a million-row INSERT … SELECT triggers JIT compilation, which alone
  // takes longer than the work it would speed up.
  await c.query(`set jit = off`);
  await lowerPriority(c);
}

/**
 * Runs `work` for every item on one bulk-loading connection per core: one INSERT … SELECT keeps
 * one server process busy, so batches side by side use the whole machine. Items are independent
 * (disjoint row ranges), so the data set is the same whatever the order.
 */
export async function inParallel<T>(url: string, items: T[], work: (c: pg.Client, item: T) => Promise<void>, workers = os.cpus().length): Promise<void> {
  const queue = [...items];
  const clients = await Promise.all(
    Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await bulkSession(c);
      return c;
    }),
  );
  try {
    await Promise.all(
      clients.map(async (c) => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(c, item);
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
