import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { uuidv7Ids } from '../../src/platform/ids.ts';
import { backoffMs, enqueueInTx, requeueDead } from '../../src/platform/outbox/outbox.ts';
import { outboxMessages } from '../../src/platform/outbox/outbox.tables.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { openTestDb } from '../support/harness.ts';

let database: Database;
const clock = fixedClock('2026-11-23T02:00:00Z');
const deps = { clock, ids: uuidv7Ids };
const log = pino({ level: 'silent' });

beforeAll(async () => {
  database = await openTestDb();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(outboxMessages);
});

const worker = () => new OutboxWorker({ db: database.db, clock, log, backoffBaseMs: 1000, backoffCapMs: 60_000 });
const rowOf = async (key: string) => (await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key)))[0]!;

describe('outbox', () => {
  it('stores a message once per idempotency key', async () => {
    const first = await database.db.transaction((tx) => enqueueInTx(tx, deps, { topic: 't', payload: { n: 1 }, idempotencyKey: 'k1' }));
    const again = await database.db.transaction((tx) => enqueueInTx(tx, deps, { topic: 't', payload: { n: 2 }, idempotencyKey: 'k1' }));
    expect([first, again]).toEqual([true, false]);
    expect(await database.db.select().from(outboxMessages)).toHaveLength(1);
  });

  it('a message enqueued in a transaction that rolls back is never delivered', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueInTx(tx, deps, { topic: 't', payload: {}, idempotencyKey: 'rolled-back' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const seen: string[] = [];
    const w = worker().register('t', async (m) => void seen.push(m.idempotencyKey));
    expect(await w.runOnce()).toBe(0);
    expect(seen).toEqual([]);
  });

  it('delivers to the handler and marks the message done', async () => {
    await database.db.transaction((tx) => enqueueInTx(tx, deps, { topic: 'sms', payload: { to: '0905' }, idempotencyKey: 'ok-1' }));
    const seen: unknown[] = [];
    const w = worker().register('sms', async (m) => void seen.push(m.payload));
    expect(await w.runOnce()).toBe(1);
    expect(seen).toEqual([{ to: '0905' }]);
    expect((await rowOf('ok-1')).status).toBe('done');
    expect(await w.runOnce()).toBe(0);
  });

  it('retries a failing handler with exponential backoff, then dead-letters it after the limit', async () => {
    await database.db.transaction((tx) => enqueueInTx(tx, deps, { topic: 'portal', payload: {}, idempotencyKey: 'fail-1', maxAttempts: 4 }));
    let calls = 0;
    const w = worker().register('portal', async () => {
      calls++;
      throw new Error('portal answered 500');
    });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await w.runOnce()).toBe(1);
      const row = await rowOf('fail-1');
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe('portal answered 500');
      if (attempt < 4) {
        expect(row.status).toBe('pending');
        const wait = row.nextAttemptAt.getTime() - clock.now().getTime();
        waits.push(wait);
        // Not due yet: nothing is claimed before the backoff has passed.
        clock.advance(wait - 1);
        expect(await w.runOnce()).toBe(0);
        clock.advance(1);
      } else {
        expect(row.status).toBe('dead');
        expect(row.finishedAt).not.toBeNull();
      }
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(calls).toBe(4);
    clock.advance(3_600_000);
    expect(await w.runOnce()).toBe(0);

    // The admin's retry puts it back in line.
    expect(await requeueDead(database.db, (await rowOf('fail-1')).id, clock.now())).toBe(true);
    expect((await rowOf('fail-1')).status).toBe('pending');
  });

  it('delivers messages with the same ordering key one at a time, in order, even across failures', async () => {
    for (const n of [1, 2, 3]) {
      await database.db.transaction((tx) => enqueueInTx(tx, deps, { topic: 'o', payload: { n }, idempotencyKey: `ord-${n}`, orderingKey: 'dossier-1' }));
      clock.advance(1);
    }
    const seen: number[] = [];
    let failFirst = true;
    const w = worker().register('o', async (m) => {
      const n = (m.payload as { n: number }).n;
      if (n === 1 && failFirst) {
        failFirst = false;
        throw new Error('timeout');
      }
      seen.push(n);
    });
    await w.runOnce();
    expect(seen).toEqual([]);
    clock.advance(1000);
    while ((await w.runOnce()) > 0) clock.advance(1);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('reclaims a message whose worker died mid-delivery once the lease expires', async () => {
    await database.db.transaction((tx) => enqueueInTx(tx, deps, { topic: 'x', payload: {}, idempotencyKey: 'lease-1' }));
    const crashed = new OutboxWorker({ db: database.db, clock, log, leaseMs: 30_000 }).register('x', () => new Promise(() => {}));
    void crashed.runOnce();
    await new Promise((r) => setTimeout(r, 200));
    const seen: string[] = [];
    const healthy = new OutboxWorker({ db: database.db, clock, log, leaseMs: 30_000 }).register('x', async (m) => void seen.push(m.idempotencyKey));
    expect(await healthy.runOnce()).toBe(0);
    clock.advance(30_001);
    expect(await healthy.runOnce()).toBe(1);
    expect(seen).toEqual(['lease-1']);
  });

  it('computes a capped exponential schedule', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, 2000, 30_000))).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
    // A worker configured with no delay keeps a valid schedule however often a message fails.
    expect([1, 1100, 5000].map((a) => backoffMs(a, 0, 30_000))).toEqual([0, 0, 0]);
    expect(backoffMs(5000, 2000, 30_000)).toBe(30_000);
  });
});
