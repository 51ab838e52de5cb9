import pino, { type Logger } from 'pino';
import { runSeeds, type SeedReport } from '../seed/index.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { openDatabase, type Database } from './platform/db/client.ts';
import { pgListen } from './platform/db/listen.ts';
import { migrate } from './platform/db/migrate.ts';
import { uuidv7Ids } from './platform/ids.ts';
import { createStorage } from './platform/storage/index.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'motcua' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Opens the database, applies migrations and seeds; shared by the API and the standalone worker. */
export async function boot(config: Config, log: Logger, opts: { seed: boolean }): Promise<{ ctx: AppContext; database: Database; migrated: string[]; seeds: SeedReport | null }> {
  const database = await openDatabase(config);
  log.info({ database: database.describe }, 'database opened');
  const migrated = await migrate(database.db);
  if (migrated.length > 0) log.info({ migrated }, 'migrations applied');
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    clock: systemClock,
    ids: uuidv7Ids,
    config,
    log,
    storage: createStorage(config.storage),
    wakeOutbox: () => {},
    ...(database.pool ? { listen: pgListen(database.pool, log) } : {}),
  };
  const seeds = opts.seed ? await runSeeds(database.db, { clock: ctx.clock, ids: ctx.ids, demo: config.demo, demoPassword: config.demoPassword }) : null;
  if (seeds) log.info({ seeds }, 'seed data checked');
  return { ctx, database, migrated, seeds };
}
