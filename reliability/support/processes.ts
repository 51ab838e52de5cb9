import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { PrivatePostgres } from './postgres.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The private cluster global setup started, and a fresh copy of the seeded template on it. */
export async function freshDatabase(): Promise<{ cluster: PrivatePostgres; name: string; url: string; drop(): Promise<void> }> {
  const cluster = new PrivatePostgres(inject('pgPort'), inject('pgDir'));
  const name = `motcua_rel_${Math.random().toString(36).slice(2, 10)}`;
  await cluster.query(`create database ${name} template motcua_tpl`);
  return { cluster, name, url: cluster.url(name), drop: () => cluster.query(`drop database if exists ${name} with (force)`).then(() => {}) };
}

export type Proc = {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote, for the failure message of a test. */
  output(): string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
};

function launch(entry: string, env: Record<string, string>): Omit<Proc, 'url'> & { child: ChildProcess } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', MOTCUA_LOGIN_RATE_LIMIT: '10000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * `apps/api/src/main.ts` as a real process (what `npm start` runs, minus the web build), on its own
 * data directory; resolves once /api/health answers 200.
 */
export async function startApi(opts: { port: number; databaseUrl: string; dataDir?: string; env?: Record<string, string> }): Promise<Proc> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reliability-api-'));
  const p = launch('apps/api/src/main.ts', { HOST: '127.0.0.1', PORT: String(opts.port), DATABASE_URL: opts.databaseUrl, MOTCUA_DATA_DIR: dataDir, ...opts.env });
  const url = `http://127.0.0.1:${opts.port}`;
  if (!opts.dataDir) void p.exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  await waitUntil(async () => {
    if (p.child.exitCode !== null) throw new Error(`API exited early:\n${p.output()}`);
    const res = await fetch(`${url}/api/health`).catch(() => null);
    return res?.status === 200;
  }, 90_000, () => p.output());
  return { ...p, url };
}

/** `apps/api/src/worker.ts`: the standalone outbox worker and scheduled jobs. */
export function startWorker(opts: { databaseUrl: string; env?: Record<string, string> }): Proc {
  return { ...launch('apps/api/src/worker.ts', { DATABASE_URL: opts.databaseUrl, ...opts.env }), url: '' };
}

export async function waitUntil(check: () => Promise<boolean>, ms: number, describe: () => string = () => ''): Promise<void> {
  const until = performance.now() + ms;
  for (;;) {
    if (await check()) return;
    if (performance.now() > until) throw new Error(`condition not met within ${ms} ms\n${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
