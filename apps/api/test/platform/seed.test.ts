import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { rowsOf, type Database } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { uuidv7Ids } from '../../src/platform/ids.ts';
import { seedDemo } from '../../seed/demo.ts';
import { runSeeds } from '../../seed/index.ts';
import { openTestDb } from '../support/harness.ts';

const counts = async (database: Database) =>
  rowsOf<Record<string, number>>(
    await database.db.execute(sql`select
      (select count(*) from provinces) as provinces, (select count(*) from communes) as communes,
      (select count(*) from centers) as centers, (select count(*) from counters) as counters,
      (select count(*) from users) as users`),
  )[0];

const deps = { clock: fixedClock('2026-11-23T02:00:00Z'), ids: uuidv7Ids, demo: true, demoPassword: 'x-password' };

// Migrating and seeding from nothing takes seconds alone and far longer on a busy 2-core CI machine;
// a limit, not a measurement (start-up time is in bench/startup.bench.ts).
describe('migrations and seed data', { timeout: 180_000 }, () => {
  let empty: Database;
  beforeAll(async () => {
    empty = await openTestDb({ empty: true });
  });
  afterAll(() => empty.close());

  it('a first start migrates and seeds; a second start changes nothing', async () => {
    const first = await migrate(empty.db);
    expect(first[0]).toBe('0000_extensions');
    expect(Object.values(await runSeeds(empty.db, deps)).every((s) => s === 'loaded')).toBe(true);
    const before = await counts(empty);
    expect(before).toMatchObject({ provinces: 34, communes: 3321, centers: 6, counters: 29, users: 27 });

    expect(await migrate(empty.db)).toEqual([]);
    expect(Object.values(await runSeeds(empty.db, deps)).every((s) => s === 'current')).toBe(true);
    expect(await counts(empty)).toEqual(before);
  });

  it('re-running the demo seed itself (e.g. after a version bump) adds no duplicates', async () => {
    const before = await counts(empty);
    const again = await empty.db.transaction((tx) => seedDemo(tx, { clock: deps.clock, ids: deps.ids, password: deps.demoPassword }));
    expect(again.users).toBe(0);
    expect(await counts(empty)).toEqual(before);
  });

  it('keeps Vietnamese names exact (NFC, with diacritics)', async () => {
    const rows = rowsOf<{ full_name: string }>(await empty.db.execute(sql`select full_name from communes where code in ('19753', '23798', '09367') order by code`));
    expect(rows.map((r) => r.full_name)).toEqual(['Phường Từ Sơn', 'Phường Phú Xuân', 'Xã Ayun']);
    expect(rows.every((r) => r.full_name === r.full_name.normalize('NFC'))).toBe(true);
  });

  it('without demo data there are no accounts at all', async () => {
    const bare = await openTestDb({ empty: true });
    try {
      await migrate(bare.db);
      expect(await runSeeds(bare.db, { ...deps, demo: false })).toMatchObject({ reference: 'loaded', demo: 'off' });
      expect((await counts(bare))?.users).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
