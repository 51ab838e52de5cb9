import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutreachPack } from '@motcua/contracts';
import type { TestApp } from '../support/harness.ts';
import { outreachCenter, type outreachSteps } from './outreach-support.ts';

let t: TestApp;
let officer: Record<string, string>;
let leaderId: string;
let steps: ReturnType<typeof outreachSteps>;
let pack: OutreachPack;

// Birth registration is settled the same day, so a leader of the team may finish it on the spot.
const BIRTH = '1.001193';

beforeAll(async () => {
  let officerId: string;
  ({ t, officer, leaderId, officerId, steps } = await outreachCenter());
  pack = await steps.prepare([BIRTH], [officerId, leaderId]);
});
afterAll(() => t.close());
// Back at the center at 17:00 on the session day, unless a test says otherwise.
beforeEach(() => t.clock.set('2026-11-23T10:00:00Z'));

let n = 0;
const onSpot = (receivedAt: string, times: { approvedAt?: string; handedOverAt?: string }) => steps.offlineDossier(pack, BIRTH, ++n, receivedAt, { onSpot: { leaderId, ...times } });
const at = (events: { action: string; at: string }[], action: string) => events.find((e) => e.action === action)?.at;
const dossier = async (id: string) => (await t.app.inject({ url: `/api/v1/dossiers/${id}`, headers: officer })).json();

describe('on-the-spot finishing records the times the device noted', () => {
  it('receipt, approval and hand-over keep their own times on the timeline and the dossier', async () => {
    const d = await onSpot('2026-11-23T08:10:00+07:00', { approvedAt: '2026-11-23T08:40:00+07:00', handedOverAt: '2026-11-23T08:55:00+07:00' });
    const res = await steps.sync(pack.session.id, d);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dossier).toMatchObject({ status: 'returned', receivedAt: '2026-11-23T08:10:00+07:00' });

    const timeline = await steps.timeline(res.json().dossier.id);
    expect(timeline.chainIntact).toBe(true);
    expect(timeline.events.map((e) => [e.action, e.at, e.actorRole])).toEqual([
      ['receive', '2026-11-23T08:10:00+07:00', 'counter_officer'],
      ['assign', '2026-11-23T08:10:00+07:00', 'system'],
      ['start_review', '2026-11-23T08:40:00+07:00', 'leader'],
      ['submit_for_approval', '2026-11-23T08:40:00+07:00', 'leader'],
      ['approve', '2026-11-23T08:40:00+07:00', 'leader'],
      ['finish', '2026-11-23T08:40:00+07:00', 'leader'],
      // The officer who received it hands the result over; the sync at 17:00 is not a time the citizen saw.
      ['return_result', '2026-11-23T08:55:00+07:00', 'counter_officer'],
    ]);
    expect(await dossier(res.json().dossier.id)).toMatchObject({ status: 'returned', finishedAt: '2026-11-23T08:40:00+07:00', returnedAt: '2026-11-23T08:55:00+07:00' });
  });

  it('a device that noted no times gets the receipt time; one that noted only the approval hands over at the approval', async () => {
    const none = (await steps.sync(pack.session.id, await onSpot('2026-11-23T09:00:00+07:00', {}))).json();
    const events = (await steps.timeline(none.dossier.id)).events;
    expect([at(events, 'approve'), at(events, 'finish'), at(events, 'return_result')]).toEqual(['2026-11-23T09:00:00+07:00', '2026-11-23T09:00:00+07:00', '2026-11-23T09:00:00+07:00']);

    const approvedOnly = (await steps.sync(pack.session.id, await onSpot('2026-11-23T09:05:00+07:00', { approvedAt: '2026-11-23T09:20:00+07:00' }))).json();
    const later = (await steps.timeline(approvedOnly.dossier.id)).events;
    expect([at(later, 'approve'), at(later, 'return_result')]).toEqual(['2026-11-23T09:20:00+07:00', '2026-11-23T09:20:00+07:00']);
  });

  it('a device clock a few minutes ahead of the server is accepted', async () => {
    t.clock.set('2026-11-23T02:00:00Z'); // synced at 09:00 from a device running 5 minutes fast
    const res = await steps.sync(pack.session.id, await onSpot('2026-11-23T08:30:00+07:00', { approvedAt: '2026-11-23T08:50:00+07:00', handedOverAt: '2026-11-23T09:05:00+07:00' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(at((await steps.timeline(res.json().dossier.id)).events, 'return_result')).toBe('2026-11-23T09:05:00+07:00');
  });

  const impossible: [string, { approvedAt?: string; handedOverAt?: string }, string, string][] = [
    ['an approval before the receipt', { approvedAt: '2026-11-23T07:50:00+07:00' }, 'onSpot.approvedAt', 'before the receipt'],
    ['a hand-over before the approval', { approvedAt: '2026-11-23T08:40:00+07:00', handedOverAt: '2026-11-23T08:30:00+07:00' }, 'onSpot.handedOverAt', 'before the approval'],
    ['a hand-over with no approval', { handedOverAt: '2026-11-23T08:30:00+07:00' }, 'onSpot.approvedAt', 'required with a hand-over time'],
    ['an approval later than the server clock allows', { approvedAt: '2026-11-23T17:30:00+07:00' }, 'onSpot.approvedAt', 'in the future'],
  ];
  it.each(impossible)('%s is refused with the field named, and nothing is received', async (_case, times, path, message) => {
    const before = await steps.dossierCount();
    const d = await onSpot('2026-11-23T08:00:00+07:00', times);
    const res = await steps.sync(pack.session.id, d);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'outreach.invalid_on_spot', errors: [{ path, message }] });
    expect(await steps.dossierCount()).toBe(before);
    // The key is not spent: the same dossier with the times corrected is received.
    const fixed = await steps.sync(pack.session.id, { ...d, onSpot: { leaderId, approvedAt: '2026-11-23T08:20:00+07:00', handedOverAt: '2026-11-23T08:25:00+07:00' } });
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  it('a hand-over noted the day after the session is refused', async () => {
    t.clock.set('2026-11-24T03:00:00Z');
    const res = await steps.sync(pack.session.id, await onSpot('2026-11-23T16:00:00+07:00', { approvedAt: '2026-11-23T16:30:00+07:00', handedOverAt: '2026-11-24T08:00:00+07:00' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'onSpot.handedOverAt', message: 'not on the session day 2026-11-23' }]);
  });
});
