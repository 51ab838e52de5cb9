import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/platform/outbox/outbox.tables.ts';
import { queueTickets } from '../../src/modules/queue/queue.tables.ts';
import type { TestApp } from '../support/harness.ts';
import { emptyHall, openQueueHall, type QueueCenter, type queueSteps } from './queue-support.ts';

let t: TestApp;
let q: ReturnType<typeof queueSteps>;
let center: QueueCenter;
let g: Record<string, string>;
let officer: string;

beforeAll(async () => {
  ({ t, q, center, g, officer } = await openQueueHall());
});
afterAll(() => t.close());
beforeEach(() => emptyHall(t));

const counter = (n: number) => center.counters.find((c) => c.number === n)!.id;

describe('kiosk: taking a number', () => {
  it('numbers each group of the center separately: A001, A002, B001', async () => {
    const numbers = [];
    for (const code of ['A', 'A', 'B']) numbers.push((await q.take(center.id, { serviceGroupId: g[code] })).json().number);
    expect(numbers).toEqual(['A001', 'A002', 'B001']);
  });

  it('starts again at 001 on the next local day (midnight in Vietnam, 17:00 UTC)', async () => {
    t.clock.set('2026-11-23T16:59:00Z');
    expect((await q.take(center.id, { serviceGroupId: g.C })).json().number).toBe('C001');
    expect((await q.take(center.id, { serviceGroupId: g.C })).json().number).toBe('C002');
    t.clock.set('2026-11-23T17:00:00Z');
    expect((await q.take(center.id, { serviceGroupId: g.C })).json().number).toBe('C001');
  });

  it('gives the place in line, an estimated wait and a QR code of the status page, never the phone', async () => {
    await q.take(center.id, { serviceGroupId: g.B });
    await q.take(center.id, { serviceGroupId: g.B });
    const res = await q.take(center.id, { serviceGroupId: g.B, phone: '0905 123 456' });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({ number: 'B003', serviceGroupName: 'Đất đai', status: 'waiting', ahead: 2, centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân' });
    expect(ticket.estimatedWaitMinutes).toBeGreaterThan(0);
    expect(ticket.statusUrl).toMatch(new RegExp(`/queue/tickets/${ticket.id}$`));
    expect(ticket.qrSvg).toMatch(/^<svg/);
    expect(JSON.stringify(ticket)).not.toContain('0905');

    const status = await t.app.inject({ url: `/api/v1/queue/tickets/${ticket.id}` });
    expect(status.json()).toMatchObject({ number: 'B003', ahead: 2 });
  });

  it('a phone number queues an SMS in the outbox in the same transaction', async () => {
    const ticket = (await q.take(center.id, { serviceGroupId: g.A, phone: '0905123456' })).json();
    const [msg] = await t.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `queue:${ticket.id}:issued`));
    expect(msg).toMatchObject({ topic: 'sms.send', status: 'pending', payload: { to: '0905123456', template: 'queue.ticket_issued' } });
  });

  it('refuses a bad phone number, an unknown group and another center’s group, changing nothing', async () => {
    const bad = await q.take(center.id, { serviceGroupId: g.A, phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.phone');
    const other = await q.centerOf('ayun.motcua');
    const otherGroups = await q.groups(other.id);
    expect((await q.take(center.id, { serviceGroupId: otherGroups.A })).statusCode).toBe(404);
    expect((await q.take(center.id, { serviceGroupId: '01890000-0000-7000-8000-000000000000' })).json().code).toBe('queue.group_not_found');
    expect(await t.ctx.db.select().from(queueTickets)).toHaveLength(0);
  });

  it('is rate-limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (await t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/tickets`, payload: { serviceGroupId: g.E }, remoteAddress: '192.0.2.7' })).statusCode;
    }
    expect(last).toBe(429);
  });
});

describe('counter console', () => {
  it('calls the next ticket of the groups the counter serves, then serves and finishes it', async () => {
    const a1 = (await q.take(center.id, { serviceGroupId: g.A })).json();
    const b1 = (await q.take(center.id, { serviceGroupId: g.B })).json();
    expect((await q.open(officer, counter(2), [g.B!])).statusCode).toBe(200);

    const called = (await q.callNext(officer, counter(2))).json().ticket;
    expect(called).toMatchObject({ id: b1.id, number: 'B001', status: 'called', counterNumber: 2 });
    expect((await t.app.inject({ url: `/api/v1/queue/tickets/${b1.id}` })).json()).toMatchObject({ status: 'called', counterNumber: 2 });

    expect((await q.act(officer, b1.id, 'start')).json().status).toBe('serving');
    const done = (await q.act(officer, b1.id, 'finish')).json();
    expect(done.status).toBe('done');
    expect(done.finishedAt).not.toBeNull();
    // Nothing else in group B; A001 is not this counter's.
    expect((await q.callNext(officer, counter(2))).json().ticket).toBeNull();
    expect((await t.app.inject({ url: `/api/v1/queue/tickets/${a1.id}` })).json().status).toBe('waiting');
  });

  it('a counter must be open, and cannot call while its ticket is unfinished', async () => {
    await q.take(center.id, { serviceGroupId: g.A });
    await q.take(center.id, { serviceGroupId: g.A });
    expect((await q.callNext(officer, counter(1))).json().code).toBe('queue.counter_not_open');
    await q.open(officer, counter(1), [g.A!]);
    const first = (await q.callNext(officer, counter(1))).json().ticket;
    const busy = await q.callNext(officer, counter(1));
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'queue.counter_busy', number: first.number });
  });

  it('illegal moves are a 409 naming the allowed ones; recall and no-show follow the table', async () => {
    const a = (await q.take(center.id, { serviceGroupId: g.A })).json();
    const early = await q.act(officer, a.id, 'finish');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'queue.illegal_transition', ticketStatus: 'waiting', allowed: ['call'] });
    await q.open(officer, counter(1), [g.A!]);
    await q.callNext(officer, counter(1));
    expect((await q.act(officer, a.id, 'recall')).json()).toMatchObject({ status: 'called', recalls: 1 });
    expect((await q.act(officer, a.id, 'skip')).json().status).toBe('no_show');
    // The person comes back late: recalled from no-show.
    expect((await q.act(officer, a.id, 'recall')).json()).toMatchObject({ status: 'called', recalls: 2 });
  });

  it('transfers to another group keep the place in line; transfers to a counter go only to that counter', async () => {
    const a1 = (await q.take(center.id, { serviceGroupId: g.A })).json();
    t.clock.advance(60_000);
    const d1 = (await q.take(center.id, { serviceGroupId: g.D })).json();
    await q.open(officer, counter(1), [g.A!]);
    const lanhdao = await t.login('phuxuan.lanhdao');
    await q.open(lanhdao, counter(4), [g.D!]);
    await q.callNext(officer, counter(1));
    // A001 came for a certification, not civil status: sent to group D, ahead of D001 who came later.
    expect((await q.act(officer, a1.id, 'transfer', { serviceGroupId: g.D })).json()).toMatchObject({ status: 'waiting', serviceGroupCode: 'D', counterId: null });
    expect((await q.callNext(lanhdao, counter(4))).json().ticket.id).toBe(a1.id);
    // D001 is sent straight to counter 3, which serves only group C: only counter 3 may call it.
    await q.act(lanhdao, a1.id, 'finish');
    expect((await q.callNext(lanhdao, counter(4))).json().ticket.id).toBe(d1.id);
    expect((await q.act(lanhdao, d1.id, 'transfer', { counterId: counter(3) })).json().targetCounterId).toBe(counter(3));
    const chuyenvien = await t.login('phuxuan.chuyenvien');
    await q.open(chuyenvien, counter(3), [g.C!]);
    expect((await q.callNext(lanhdao, counter(4))).json().ticket).toBeNull();
    expect((await q.callNext(chuyenvien, counter(3))).json().ticket).toMatchObject({ id: d1.id, counterNumber: 3 });
  });

  it('puts priority tickets first, but after 3 in a row calls a waiting normal ticket', async () => {
    const normal = [];
    for (let i = 0; i < 2; i++) normal.push((await q.take(center.id, { serviceGroupId: g.A })).json().number);
    const priority = [];
    for (const p of ['elderly', 'disability', 'pregnant', 'small_child', 'elderly']) {
      t.clock.advance(1000);
      priority.push((await q.take(center.id, { serviceGroupId: g.A, priority: p })).json().number);
    }
    await q.open(officer, counter(1), [g.A!]);
    const order = [];
    for (;;) {
      const ticket = (await q.callNext(officer, counter(1))).json().ticket;
      if (!ticket) break;
      order.push(ticket.number);
      await q.act(officer, ticket.id, 'finish');
    }
    expect(order).toEqual([priority[0], priority[1], priority[2], normal[0], priority[3], priority[4], normal[1]]);
  });

  it('links the ticket to the dossier received from it', async () => {
    const a = (await q.take(center.id, { serviceGroupId: g.A })).json();
    const dossierId = '01890000-0000-7000-8000-0000000000d5';
    expect((await q.act(officer, a.id, 'dossier', { dossierId })).json().code).toBe('queue.not_served');
    await q.open(officer, counter(1), [g.A!]);
    await q.callNext(officer, counter(1));
    await q.act(officer, a.id, 'start');
    expect((await q.act(officer, a.id, 'dossier', { dossierId })).json().dossierId).toBe(dossierId);
  });

  it('staff of another center get 404 for this center’s tickets and counters; visitors get 401', async () => {
    const a = (await q.take(center.id, { serviceGroupId: g.A })).json();
    const ayun = await t.login('ayun.motcua');
    expect((await q.act(ayun, a.id, 'recall')).statusCode).toBe(404);
    expect((await q.open(ayun, counter(1), [g.A!])).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/queue/centers/${center.id}/console`, headers: q.auth(ayun) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/queue/counters/${counter(1)}/call-next` })).statusCode).toBe(401);
    const admin = await t.login('admin');
    expect((await q.callNext(admin, counter(1))).statusCode).toBe(404);
  });

  it('the console lists counters, who sits where, the current ticket and waiting counts', async () => {
    await q.take(center.id, { serviceGroupId: g.A });
    await q.take(center.id, { serviceGroupId: g.A });
    await q.take(center.id, { serviceGroupId: g.E });
    await q.open(officer, counter(1), [g.A!, g.E!]);
    await q.callNext(officer, counter(1));
    const state = (await t.app.inject({ url: `/api/v1/queue/centers/${center.id}/console`, headers: q.auth(officer) })).json();
    expect(state.groups.map((x: { code: string; waiting: number }) => `${x.code}:${x.waiting}`)).toEqual(['A:1', 'B:0', 'C:0', 'D:0', 'E:1']);
    expect(state.counters[0]).toMatchObject({ number: 1, open: true, officerName: 'Nguyễn Thị Mai', current: { number: 'A001' } });
    expect(state.counters[1]).toMatchObject({ number: 2, open: false, current: null });
  });
});

describe('board and statistics', () => {
  it('only the director sets the notice line, and the board shows it', async () => {
    const put = (token: string) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/queue/centers/${center.id}/notice`, headers: q.auth(token), payload: { text: 'Chiều thứ Sáu trung tâm làm việc đến 16 giờ 30.' } });
    expect((await put(officer)).statusCode).toBe(403);
    expect((await put(await t.login('phuxuan.giamdoc'))).statusCode).toBe(204);
    const board = (await t.app.inject({ url: `/api/v1/queue/centers/${center.id}/board` })).json();
    expect(board.notice).toBe('Chiều thứ Sáu trung tâm làm việc đến 16 giờ 30.');
    expect(board.counters).toHaveLength(4);
  });

  it('counts tickets, waiting time, service time and no-shows per group and officer', async () => {
    const a = (await q.take(center.id, { serviceGroupId: g.A })).json();
    const b = (await q.take(center.id, { serviceGroupId: g.A })).json();
    await q.open(officer, counter(1), [g.A!]);
    t.clock.advance(10 * 60_000);
    await q.callNext(officer, counter(1));
    t.clock.advance(6 * 60_000);
    await q.act(officer, a.id, 'finish');
    await q.callNext(officer, counter(1));
    await q.act(officer, b.id, 'skip');
    const director = await t.login('phuxuan.giamdoc');
    const stats = (by: string) => t.app.inject({ url: `/api/v1/queue/stats?from=2026-11-23&to=2026-11-23&by=${by}`, headers: q.auth(director) }).then((r) => r.json());
    expect((await stats('group')).rows).toEqual([
      { key: 'A', label: 'A – Hộ tịch', tickets: 2, served: 1, noShows: 1, avgWaitMinutes: 13, avgServiceMinutes: 6, ratings: { verySatisfied: 0, satisfied: 0, dissatisfied: 0 },
        dossiers: { linked: 0, returned: 0, avgIssueToReturnHours: null, ratings: { verySatisfied: 0, satisfied: 0, dissatisfied: 0 } } },
    ]);
    expect((await stats('officer')).rows[0]).toMatchObject({ label: 'Nguyễn Thị Mai', tickets: 2 });
    expect((await stats('hour')).rows[0]).toMatchObject({ key: '09', label: '09:00' });
    const admin = await t.login('admin');
    const province = (await t.app.inject({ url: '/api/v1/queue/stats?from=2026-11-23&to=2026-11-23&by=center', headers: q.auth(admin) })).json();
    expect(province.rows).toEqual([expect.objectContaining({ key: center.id, tickets: 2 })]);
    const gialai = await t.login('gialai.admin');
    expect((await t.app.inject({ url: `/api/v1/queue/stats?from=2026-11-23&to=2026-11-23&centerId=${center.id}`, headers: q.auth(gialai) })).statusCode).toBe(404);
  });
});

describe('appointments', () => {
  it('books within capacity; check-in on the day puts it ahead of walk-ins once its time has come', async () => {
    const director = await t.login('phuxuan.giamdoc');
    const slot = '2026-11-23T03:00:00Z'; // 10:00 local
    const opened = await t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/slots`, headers: q.auth(director), payload: { serviceGroupId: g.B, startsAt: [slot], capacity: 1 } });
    expect(opened.statusCode).toBe(204);
    const bookIt = () => t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/appointments`, payload: { serviceGroupId: g.B, startsAt: slot, fullName: 'Trần Văn Bình' }, remoteAddress: '10.9.9.9' });
    const booked = await bookIt();
    expect(booked.statusCode).toBe(201);
    expect((await bookIt()).json().code).toBe('queue.slot_full');
    const slots = (await t.app.inject({ url: `/api/v1/queue/centers/${center.id}/slots?day=2026-11-23` })).json();
    expect(slots).toEqual([{ serviceGroupId: g.B, startsAt: '2026-11-23T03:00:00.000Z', capacity: 1, booked: 1 }]);

    t.clock.set('2026-11-23T02:50:00Z');
    const walkIn = (await q.take(center.id, { serviceGroupId: g.B })).json();
    const checkIn = () => t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/appointments/check-in`, payload: { code: booked.json().code } });
    const ticket = (await checkIn()).json();
    expect(ticket.number).toBe('B002');
    expect((await checkIn()).json().id).toBe(ticket.id);
    t.clock.set('2026-11-23T03:00:00Z');
    const late = (await q.take(center.id, { serviceGroupId: g.B })).json();
    await q.open(officer, counter(2), [g.B!]);
    const order = [];
    for (let i = 0; i < 3; i++) {
      const next = (await q.callNext(officer, counter(2))).json().ticket;
      order.push(next.number);
      await q.act(officer, next.id, 'finish');
    }
    // At 10:00 the appointment goes first; walk-ins keep their order behind it.
    expect(order).toEqual([ticket.number, walkIn.number, late.number]);
  });
});
