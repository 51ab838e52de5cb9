import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { httpModules } from '../../src/modules.ts';
import { fixedClock, type Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.ts';
import { pgListen } from '../../src/platform/db/listen.ts';
import { buildApp, type ZodApp } from '../../src/platform/http/app.ts';
import { uuidv7Ids } from '../../src/platform/ids.ts';
import { localStorage } from '../../src/platform/storage/storage.ts';
import { TEST_PASSWORD, withDatabase } from './db-names.ts';

export { TEST_PASSWORD };

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const freshName = () => `motcua_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

/** A private copy of the migrated, seeded template: PGlite in memory, or a new PostgreSQL database. */
export async function openTestDb(opts: { empty?: boolean } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (opts.empty) return openPglite(undefined);
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    return openPglite(undefined, new Blob([dump]));
  }
  const name = freshName();
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(url, opts.empty ? `create database ${name}` : `create database ${name} template ${inject('pgTemplate')}`);
      break;
    } catch (err) {
      // Two files copying the template at the same instant: PostgreSQL refuses one; try again.
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const database = await openPostgres(withDatabase(url, name), 4);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

export type TestApp = {
  app: ZodApp;
  ctx: AppContext;
  clock: ReturnType<typeof fixedClock>;
  database: Database;
  /** Signs a demo user in through the API and returns the bearer token. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
};

export async function startTestApp(opts: { env?: Record<string, string>; now?: string; clock?: Clock } = {}): Promise<TestApp> {
  const database = await openTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-app-'));
  // A generous login limit by default: one test file signs in many times from the same address.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MOTCUA_DATA_DIR: dataDir, MOTCUA_LOGIN_RATE_LIMIT: '1000', ...opts.env });
  const clock = fixedClock(opts.now ?? '2026-11-23T02:00:00Z');
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    clock,
    ids: uuidv7Ids,
    config,
    log: pino({ level: 'silent' }),
    storage: localStorage(path.join(dataDir, 'files')),
    wakeOutbox: () => {},
    ...(database.pool ? { listen: pgListen(database.pool, pino({ level: 'silent' })) } : {}),
  };
  const app = await buildApp(ctx, httpModules, { webDist: null, defaultMetrics: false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    async login(username) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
