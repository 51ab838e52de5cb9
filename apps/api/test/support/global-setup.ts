import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fixedClock } from '../../src/platform/clock.ts';
import { createPglite, fromPglite, openPostgres } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { uuidv7Ids } from '../../src/platform/ids.ts';
import { runSeeds } from '../../seed/index.ts';
import { TEST_PASSWORD, TEST_SEED_TIME, withDatabase } from './db-names.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a gzip-free dump of a migrated, seeded database that each test file loads. */
    pgliteTemplate: string;
    /** PostgreSQL: name of a migrated, seeded template database that each test file copies. */
    pgTemplate: string;
  }
}

/**
 * Migrates and seeds one database for the whole run, so each test file starts from a copy in
 * under a second instead of re-seeding 3,321 communes and hashing demo passwords.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const seed = async (db: Parameters<typeof migrate>[0]) => {
    await migrate(db);
    await runSeeds(db, { clock: fixedClock(TEST_SEED_TIME), ids: uuidv7Ids, demo: true, demoPassword: TEST_PASSWORD });
  };
  if (!url) {
    const lite = await createPglite();
    await seed(fromPglite(lite, 'template').db);
    const dump = await lite.dumpDataDir('none');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-')), 'template.tar');
    fs.writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
    await lite.close();
    project.provide('pgliteTemplate', file);
    project.provide('pgTemplate', '');
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const template = `motcua_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const tplDb = await openPostgres(withDatabase(url, template), 2);
  await seed(tplDb.db);
  await tplDb.close();
  await admin.end();
  project.provide('pgliteTemplate', '');
  project.provide('pgTemplate', template);
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${template} with (force)`);
    await c.end();
  };
}
