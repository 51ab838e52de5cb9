import type { TestProject } from 'vitest/node';
import { runSeeds } from '../../apps/api/seed/index.ts';
import { systemClock } from '../../apps/api/src/platform/clock.ts';
import { openPostgres } from '../../apps/api/src/platform/db/client.ts';
import { migrate } from '../../apps/api/src/platform/db/migrate.ts';
import { uuidv7Ids } from '../../apps/api/src/platform/ids.ts';
import { PrivatePostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The private cluster every reliability test uses: its port and directory. */
    pgPort: number;
    pgDir: string;
  }
}

export const TEMPLATE = 'motcua_tpl';

/**
 * Starts a private PostgreSQL (never the machine's shared one: one test restarts it) and seeds a
 * template database once, so each test copies a ready database in a second.
 */
export default async function setup(project: TestProject) {
  const port = Number(process.env.RELIABILITY_PG_PORT ?? 18401);
  const cluster = new PrivatePostgres(port);
  cluster.init();
  cluster.start();
  await cluster.query(`create database ${TEMPLATE}`);
  const db = await openPostgres(cluster.url(TEMPLATE), 2);
  await migrate(db.db);
  await runSeeds(db.db, { clock: systemClock, ids: uuidv7Ids, demo: true, demoPassword: 'motcua' });
  await db.close();
  project.provide('pgPort', port);
  project.provide('pgDir', cluster.dir);
  return () => cluster.destroy();
}
