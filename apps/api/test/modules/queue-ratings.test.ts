import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueRatings } from '../../src/modules/queue/queue.tables.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import type { TestApp } from '../support/harness.ts';
import { emptyHall, openQueueHall, type QueueCenter, type queueSteps } from './queue-support.ts';

let t: TestApp;
let q: ReturnType<typeof queueSteps>;
let center: QueueCenter;
let g: Record<string, string>;
let officer: string;
let ip = 0;

beforeAll(async () => {
  ({ t, q, center, g, officer } = await openQueueHall());
});
afterAll(() => t.close());
beforeEach(() => emptyHall(t));

const counter = (n: number) => center.counters.find((c) => c.number === n)!.id;

/** The holder's phone or the kiosk sends the rating; each from its own address (public rate limit). */
function rate(ticketId: string, body: Record<string, unknown>) {
  ip += 1;
  return t.app.inject({ method: 'POST', url: `/api/v1/queue/tickets/${ticketId}/rating`, payload: body, remoteAddress: `10.77.0.${ip}` });
}

/** A ticket taken, called to counter 1 and served to the end. */
async function servedTicket(group = 'A'): Promise<{ id: string; number: string }> {
  const ticket = (await q.take(center.id, { serviceGroupId: g[group] })).json();
  await q.open(officer, counter(1), [g[group]!]);
  const called = (await q.callNext(officer, counter(1))).json().ticket;
  expect(called.id).toBe(ticket.id);
  t.clock.advance(5 * 60_000);
  await q.act(officer, ticket.id, 'finish');
  return ticket;
}

describe('rating a visit after service', () => {
  it('the holder rates a finished visit once; the status page then shows the rating; a second rating is refused', async () => {
    const ticket = await servedTicket();
    const first = await rate(ticket.id, { rating: 'very_satisfied', channel: 'phone' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ ticketId: ticket.id, rating: 'very_satisfied', channel: 'phone', ratedAt: '2026-11-23T02:05:00.000Z' });
    expect((await t.app.inject({ url: `/api/v1/queue/tickets/${ticket.id}` })).json()).toMatchObject({ status: 'done', rating: 'very_satisfied' });

    const again = await rate(ticket.id, { rating: 'dissatisfied', channel: 'kiosk' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('queue.already_rated');
    expect((await t.app.inject({ url: `/api/v1/queue/tickets/${ticket.id}` })).json().rating).toBe('very_satisfied');
  });

  it('only a finished visit can be rated: waiting, called and absent tickets are refused and nothing is stored', async () => {
    const waiting = (await q.take(center.id, { serviceGroupId: g.B })).json();
    expect(waiting.rating).toBeNull();
    const refused = await rate(waiting.id, { rating: 'satisfied' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'queue.not_finished', ticketStatus: 'waiting' });

    await q.open(officer, counter(2), [g.B!]);
    await q.callNext(officer, counter(2));
    expect((await rate(waiting.id, { rating: 'satisfied' })).json()).toMatchObject({ code: 'queue.not_finished', ticketStatus: 'called' });
    await q.act(officer, waiting.id, 'skip');
    expect((await rate(waiting.id, { rating: 'satisfied' })).json()).toMatchObject({ code: 'queue.not_finished', ticketStatus: 'no_show' });

    expect(await t.ctx.db.select().from(queueRatings)).toEqual([]);
  });

  it('an unknown ticket answers 404, and a rating outside the three answers is a 400', async () => {
    const unknown = await rate('0196d2f4-3c1e-7a10-8000-00000000dead', { rating: 'satisfied' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('queue.ticket_not_found');
    const ticket = await servedTicket();
    expect((await rate(ticket.id, { rating: 'excellent' })).statusCode).toBe(400);
    expect((await rate(ticket.id, { rating: 'satisfied' })).statusCode).toBe(201);
  });

  it('is rate-limited per address, like the other public queue endpoints', async () => {
    const codes = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets/0196d2f4-3c1e-7a10-8000-00000000beef/rating', payload: { rating: 'satisfied' }, remoteAddress: '10.78.0.1' });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('the statistics count ratings per group, counter and officer', async () => {
    const a = await servedTicket('A');
    const b = await servedTicket('A');
    await servedTicket('A'); // not rated
    await rate(a.id, { rating: 'very_satisfied', channel: 'kiosk' });
    await rate(b.id, { rating: 'dissatisfied' });
    const director = await t.login('phuxuan.giamdoc');
    const stats = (by: string) => t.app.inject({ url: `/api/v1/queue/stats?from=2026-11-23&to=2026-11-23&by=${by}`, headers: q.auth(director) }).then((r) => r.json());
    const counted = { verySatisfied: 1, satisfied: 0, dissatisfied: 1 };
    expect((await stats('group')).rows).toEqual([expect.objectContaining({ key: 'A', tickets: 3, served: 3, ratings: counted })]);
    expect((await stats('counter')).rows).toEqual([expect.objectContaining({ key: '001', ratings: counted })]);
    expect((await stats('officer')).rows).toEqual([expect.objectContaining({ label: 'Nguyễn Thị Mai', ratings: counted })]);
    expect((await stats('center')).rows[0].ratings).toEqual(counted);
  });
});

describe('statistics joined with the dossier', () => {
  it('counts the dossiers received from the visits, the hours from the number to the returned result and their ratings', async () => {
    const ticket = (await q.take(center.id, { serviceGroupId: g.A })).json();
    await q.open(officer, counter(1), [g.A!]);
    await q.callNext(officer, counter(1));
    await q.act(officer, ticket.id, 'start');
    const counterOfficer = await asUser(t, 'phuxuan.motcua');
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const leader = await asUser(t, 'phuxuan.lanhdao');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await counterOfficer.intake({ procedureCode: '1.001193', applicant: { ...applicant, phone: '0905000777' }, checklist, decision: 'accept', ticketId: ticket.id })).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/queue/tickets/${ticket.id}/dossier`, headers: q.auth(officer), payload: { dossierId: d.id } })).statusCode).toBe(200);
    await q.act(officer, ticket.id, 'finish');
    for (const [who, action] of [[specialist, 'start_review'], [specialist, 'submit_for_approval'], [leader, 'approve'], [specialist, 'finish']] as const) {
      expect((await who.act(d.id, { action })).statusCode).toBe(200);
    }
    t.clock.set('2026-11-24T03:30:00Z'); // returned the next day, 25.5 hours after the number was taken
    const nextDay = await asUser(t, 'phuxuan.motcua'); // yesterday's session has expired
    expect((await nextDay.act(d.id, { action: 'return_result' })).statusCode).toBe(200);
    const rated = await t.app.inject({ method: 'POST', url: '/api/v1/feedback/ratings', payload: { dossierCode: d.code, overall: 'satisfied', ticketId: ticket.id } });
    expect(rated.statusCode).toBe(201);

    const director = await t.login('phuxuan.giamdoc');
    const rows = (await t.app.inject({ url: '/api/v1/queue/stats?from=2026-11-23&to=2026-11-23&by=group', headers: q.auth(director) })).json().rows;
    expect(rows).toEqual([
      expect.objectContaining({ key: 'A', tickets: 1, dossiers: { linked: 1, returned: 1, avgIssueToReturnHours: 25.5, ratings: { verySatisfied: 0, satisfied: 1, dissatisfied: 0 } } }),
    ]);
  });
});

describe('appointments: booking and check-in', () => {
  const slot = '2026-11-23T03:00:00Z'; // 10:00 local

  async function openAndBook(phone: string | null) {
    const director = await t.login('phuxuan.giamdoc');
    await t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/slots`, headers: q.auth(director), payload: { serviceGroupId: g.A, startsAt: [slot], capacity: 5 } });
    ip += 1;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/queue/centers/${center.id}/appointments`,
      payload: { serviceGroupId: g.A, startsAt: slot, fullName: 'Lê Thị Hồng', phone },
      remoteAddress: `10.79.0.${ip}`,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const checkIn = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/appointments/check-in`, payload: body });

  it('booking returns the code, the center and group names and a QR code of the code', async () => {
    const booked = await openAndBook('0905123456');
    expect(booked).toMatchObject({ status: 'booked', centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân', serviceGroupName: 'Hộ tịch', ticketId: null });
    expect(booked.code).toMatch(/^[0-9A-F]{6}$/);
    expect(booked.qrSvg).toMatch(/^<svg/);
    expect(JSON.stringify(booked)).not.toContain('0905');
  });

  it('checks in with the phone number it was booked with (either spelling), and again returns the same ticket', async () => {
    const booked = await openAndBook('0905123456');
    const walkIn = (await q.take(center.id, { serviceGroupId: g.A })).json();
    const byPhone = await checkIn({ phone: '+84 905 123 456' });
    expect(byPhone.statusCode).toBe(200);
    const ticket = byPhone.json();
    expect(ticket.number).toBe('A002');
    expect((await checkIn({ code: booked.code.toLowerCase() })).json().id).toBe(ticket.id);
    expect((await checkIn({ phone: '0905123456' })).json().id).toBe(ticket.id);

    // From 10:00 the appointment is called before the walk-in who came earlier.
    t.clock.set(slot);
    await q.open(officer, counter(1), [g.A!]);
    expect((await q.callNext(officer, counter(1))).json().ticket.number).toBe(ticket.number);
    await q.act(officer, ticket.id, 'finish');
    expect((await q.callNext(officer, counter(1))).json().ticket.number).toBe(walkIn.number);
  });

  it('an unknown phone or code is a 404, giving both or neither is a 400, and another day is refused', async () => {
    await openAndBook('0905123456');
    expect((await checkIn({ phone: '0912000000' })).json().code).toBe('queue.appointment_not_found');
    expect((await checkIn({ code: 'ZZZZZZ' })).statusCode).toBe(404);
    expect((await checkIn({})).statusCode).toBe(400);
    expect((await checkIn({ code: 'ABCDEF', phone: '0905123456' })).statusCode).toBe(400);
    t.clock.set('2026-11-22T02:00:00Z'); // the day before: nothing booked for today with this phone
    expect((await checkIn({ phone: '0905123456' })).statusCode).toBe(404);
  });
});
