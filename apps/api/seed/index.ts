import { eq } from 'drizzle-orm';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import { appMeta } from '../src/platform/db/meta.tables.ts';
import type { Ids } from '../src/platform/ids.ts';
import { seedCalendar } from './calendar.ts';
import { seedCatalog, seedDemoOfferings } from './catalog.ts';
import { seedDemo } from './demo.ts';
import { seedReference } from './reference.ts';
import { seedReportsDemo } from './reports.ts';

export type SeedDeps = { clock: Clock; ids: Ids; demoPassword: string };

/**
 * A set of seed data loaded once per version. Bump `version` when its content changes, so
 * existing databases pick the change up once; `load` must be idempotent (upserts or do-nothing).
 */
export type SeedSet = { key: string; version: number; demoOnly: boolean; load(tx: Db, deps: SeedDeps): Promise<unknown> };

/** In dependency order: later sets may rely on earlier ones. */
export const seedSets: SeedSet[] = [
  { key: 'reference', version: 1, demoOnly: false, load: (tx) => seedReference(tx) },
  { key: 'calendar', version: 1, demoOnly: false, load: (tx, d) => seedCalendar(tx, d) },
  { key: 'demo', version: 1, demoOnly: true, load: (tx, d) => seedDemo(tx, { clock: d.clock, ids: d.ids, password: d.demoPassword }) },
  { key: 'catalog', version: 2, demoOnly: false, load: (tx, d) => seedCatalog(tx, d) },
  { key: 'catalog-demo-offerings', version: 1, demoOnly: true, load: (tx, d) => seedDemoOfferings(tx, d) },
  { key: 'reports-demo-history', version: 1, demoOnly: true, load: (tx, d) => seedReportsDemo(tx, d) },
];

export type SeedReport = Record<string, 'loaded' | 'current' | 'off'>;

/**
 * Each set runs in one transaction together with its marker, so a crash mid-seed leaves nothing
 * half-loaded and the next start simply tries again.
 */
export async function runSeeds(db: Db, deps: SeedDeps & { demo: boolean }): Promise<SeedReport> {
  const report: SeedReport = {};
  for (const set of seedSets) {
    report[set.key] = set.demoOnly && !deps.demo ? 'off' : await once(db, deps, set);
  }
  return report;
}

async function once(db: Db, deps: SeedDeps, set: SeedSet): Promise<'loaded' | 'current'> {
  const key = `seed:${set.key}`;
  const current = await db.select().from(appMeta).where(eq(appMeta.key, key));
  if ((current[0]?.value as { version?: number } | undefined)?.version === set.version) return 'current';
  await db.transaction(async (tx) => {
    const result = await set.load(tx, deps);
    const value = { version: set.version, result };
    const now = deps.clock.now();
    await tx.insert(appMeta).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: now } });
  });
  return 'loaded';
}
