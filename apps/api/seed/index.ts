import { eq } from 'drizzle-orm';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import { appMeta } from '../src/platform/db/meta.tables.ts';
import type { Ids } from '../src/platform/ids.ts';
import { seedDemo } from './demo.ts';
import { seedReference } from './reference.ts';

/** Bump when a seed set's content changes, so existing databases pick up the change once. */
const VERSIONS = { reference: 1, demo: 1 } as const;

export type SeedReport = { reference: 'loaded' | 'current'; demo: 'loaded' | 'current' | 'off' };

/**
 * Loads each seed set once per version. Each set runs in one transaction with its marker,
 * so a crash mid-seed leaves nothing half-loaded and the next start simply tries again.
 */
export async function runSeeds(db: Db, deps: { clock: Clock; ids: Ids; demo: boolean; demoPassword: string }): Promise<SeedReport> {
  const reference = await once(db, deps.clock, 'seed:reference', VERSIONS.reference, (tx) => seedReference(tx));
  const demo = deps.demo
    ? await once(db, deps.clock, 'seed:demo', VERSIONS.demo, (tx) => seedDemo(tx, { clock: deps.clock, ids: deps.ids, password: deps.demoPassword }))
    : 'off';
  return { reference, demo };
}

async function once(db: Db, clock: Clock, key: string, version: number, load: (tx: Db) => Promise<unknown>): Promise<'loaded' | 'current'> {
  const current = await db.select().from(appMeta).where(eq(appMeta.key, key));
  if ((current[0]?.value as { version?: number } | undefined)?.version === version) return 'current';
  await db.transaction(async (tx) => {
    const result = await load(tx);
    const value = { version, result };
    await tx.insert(appMeta).values({ key, value, updatedAt: clock.now() }).onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: clock.now() } });
  });
  return 'loaded';
}
