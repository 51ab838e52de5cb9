import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Listen } from './db/listen.ts';
import type { Ids } from './ids.ts';
import type { FileStorage } from './storage/index.ts';

/** Everything a module needs from the outside world, built once in main.ts (or a test) and passed down. */
export type AppContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  ids: Ids;
  config: Config;
  log: Logger;
  storage: FileStorage;
  /** Nudges the outbox worker after a commit that enqueued messages; a no-op when it runs elsewhere. */
  wakeOutbox(): void;
  /** LISTEN for NOTIFY from other API processes; PostgreSQL only (PGlite has no other processes). */
  listen?: Listen;
};
