import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db/client.ts';
import { uuidv7Ids } from '../../src/platform/ids.ts';
import { counters } from '../../src/modules/units/units.tables.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { queueSteps } from './queue-support.ts';

const COUNTERS = 20;
const TICKETS = 500;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// On PostgreSQL the callers really run at once through the connection pool; on PGlite (one
// connection) their transactions interleave one at a time, and the result must be just as right.
describe(`${COUNTERS} counters calling at once`, () => {
  it(`share ${TICKETS} tickets: none called twice, none lost, event ids without gaps`, { timeout: 300_000 }, async () => {
    const q = queueSteps(t);
    const center = await q.centerOf('phuxuan.motcua');
    const groups = Object.values(await q.groups(center.id));
    const ids = Array.from({ length: COUNTERS }, () => uuidv7Ids.next());
    await t.ctx.db.insert(counters).values(ids.map((id, i) => ({ id, provinceCode: '46', centerId: center.id, number: 101 + i, name: `Quầy thử ${i + 1}` })));
    const token = await t.login('phuxuan.motcua');
    for (const id of ids) expect((await q.open(token, id, groups)).statusCode).toBe(200);

    const issued: string[] = [];
    const take = async (i: number) => {
      const res = await q.take(center.id, { serviceGroupId: groups[i % groups.length], priority: i % 7 === 0 ? 'elderly' : null });
      expect(res.statusCode).toBe(201);
      issued.push(res.json().id);
    };
    for (let i = 0; i < TICKETS / 2; i++) await take(i);

    // The second half arrives at four kiosks while the counters are already calling.
    let issuing = true;
    const kiosk = async (k: number) => {
      for (let i = TICKETS / 2 + k; i < TICKETS; i += 4) await take(i);
    };
    const arrivals = Promise.all([0, 1, 2, 3].map(kiosk)).then(() => {
      issuing = false;
    });

    const called: string[] = [];
    const caller = async (counterId: string) => {
      for (;;) {
        const res = await q.callNext(token, counterId);
        expect(res.statusCode).toBe(200);
        const ticket = res.json().ticket;
        if (ticket) {
          called.push(ticket.id);
          expect((await q.act(token, ticket.id, 'finish')).statusCode).toBe(200);
        } else if (!issuing) {
          return;
        } else {
          // Nobody waiting: like an officer watching the waiting count, call again once someone arrives.
          const seen = issued.length;
          while (issuing && issued.length === seen) await new Promise((r) => setTimeout(r, 10));
        }
      }
    };
    await Promise.all([arrivals, ...ids.map(caller)]);

    expect(issued).toHaveLength(TICKETS);
    expect(new Set(called).size).toBe(called.length);
    expect([...called].sort()).toEqual([...issued].sort());
    const statuses = rowsOf<{ status: string; n: number }>(await t.ctx.db.execute(sql`select status, count(*)::int as n from queue_tickets group by status`));
    expect(statuses).toEqual([{ status: 'done', n: TICKETS }]);
    const seqs = rowsOf<{ n: number; max: number }>(await t.ctx.db.execute(sql`select count(*)::int as n, max(seq)::int as max from queue_events where center_id = ${center.id}`))[0]!;
    expect(seqs.n).toBe(seqs.max);
  });
});
