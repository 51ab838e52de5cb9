import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingFacts } from '../../src/modules/feedback/index.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { citizenOf } from './payments-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
});
afterAll(() => t.close());

/** A birth registration taken from the counter to the hand-over of its result (status 10), or to just before it. */
async function birthDossier(opts: { returned: boolean; phone?: string; ticketId?: string }) {
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const { checklist } = await completeChecklist(t, '1.001193');
  const d = (await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, phone: opts.phone ?? '0905123456' }, checklist, decision: 'accept', ...(opts.ticketId ? { ticketId: opts.ticketId } : {}) })).json();
  const steps: [typeof officer, string][] = [[specialist, 'start_review'], [specialist, 'submit_for_approval'], [leader, 'approve'], [specialist, 'finish']];
  if (opts.returned) steps.push([officer, 'return_result']);
  for (const [who, action] of steps) {
    const res = await who.act(d.id, { action });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  }
  return d as { id: string; code: string };
}

const rate = (body: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/feedback/ratings', payload: body, headers });

describe('rating the handling of a dossier', () => {
  it('is possible only once the result has been returned, and only once', async () => {
    const notYet = await birthDossier({ returned: false });
    const early = await rate({ dossierCode: notYet.code, overall: 'satisfied', secondFactor: '3456' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('feedback.not_returned');
    const state = (await t.app.inject({ url: `/api/v1/feedback/ratings/${notYet.code}?secondFactor=3456` })).json();
    expect(state).toMatchObject({ rateable: false, reason: 'not_returned', rating: null });

    const d = await birthDossier({ returned: true });
    const first = await rate({ dossierCode: d.code, overall: 'very_satisfied', criteria: { time: 'very_satisfied', attitude: 'satisfied', visits: 'very_satisfied', transparency: 'satisfied' }, comment: 'Cán bộ hướng dẫn tận tình.', secondFactor: '3456' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ overall: 'very_satisfied', channel: 'kiosk', criteria: { attitude: 'satisfied' }, comment: 'Cán bộ hướng dẫn tận tình.' });
    const second = await rate({ dossierCode: d.code, overall: 'dissatisfied', secondFactor: '3456' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('feedback.already_rated');
    const after = (await t.app.inject({ url: `/api/v1/feedback/ratings/${d.code}?secondFactor=3456` })).json();
    expect(after).toMatchObject({ rateable: false, reason: 'already_rated', rating: { overall: 'very_satisfied' } });
  });

  it('at the counter the officer’s screen records the citizen’s rating as a counter rating; other centers cannot see the dossier', async () => {
    const d = await birthDossier({ returned: true, phone: '0905000111' });
    const other = await rate({ dossierCode: d.code, overall: 'satisfied' }, { authorization: `Bearer ${await t.login('ayun.motcua')}` });
    expect(other.statusCode).toBe(404);
    const res = await rate({ dossierCode: d.code, overall: 'dissatisfied', criteria: { visits: 'dissatisfied' } }, { authorization: `Bearer ${await t.login('phuxuan.motcua')}` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'counter', overall: 'dissatisfied', criteria: { visits: 'dissatisfied' } });
  });

  it('a wrong second factor and an unknown code give the same answer', async () => {
    const d = await birthDossier({ returned: true, phone: '0905000222' });
    const wrong = await rate({ dossierCode: d.code, overall: 'satisfied', secondFactor: '9999' });
    const unknown = await rate({ dossierCode: 'H46.01-261123-9999', overall: 'satisfied', secondFactor: '0222' });
    const nothing = await rate({ dossierCode: d.code, overall: 'satisfied' });
    expect([wrong.statusCode, unknown.statusCode, nothing.statusCode]).toEqual([404, 404, 404]);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it('the citizen who filed the dossier rates it online, signed in; another citizen cannot', async () => {
    const d = await birthDossier({ returned: true, phone: '0905000333' });
    const stranger = await citizenOf(t, (await birthDossier({ returned: false, phone: '0905000444' })).id);
    expect((await rate({ dossierCode: d.code, overall: 'satisfied' }, stranger)).statusCode).toBe(404);
    const owner = await citizenOf(t, d.id);
    const state = (await t.app.inject({ url: `/api/v1/feedback/ratings/${d.code}`, headers: owner })).json();
    expect(state).toMatchObject({ rateable: true, reason: null });
    const res = await rate({ dossierCode: d.code, overall: 'satisfied', criteria: { time: 'satisfied' } }, owner);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'online', overall: 'satisfied' });
  });

  it('at the kiosk, the queue ticket the dossier was received with is enough to rate it', async () => {
    const centers = (await t.app.inject({ url: '/api/v1/queue/centers' })).json() as { id: string; agencyCode: string }[];
    const centerId = centers.find((c) => c.agencyCode === 'H46.01')!.id;
    const groups = (await t.app.inject({ url: `/api/v1/centers/${centerId}/service-groups` })).json() as { id: string }[];
    const ticket = (await t.app.inject({ method: 'POST', url: `/api/v1/queue/centers/${centerId}/tickets`, payload: { serviceGroupId: groups[0]!.id } })).json() as { id: string };
    const d = await birthDossier({ returned: true, phone: '0905000555', ticketId: ticket.id });
    const other = await rate({ dossierCode: d.code, overall: 'satisfied', ticketId: '01900000-0000-7000-8000-000000000000' });
    expect(other.statusCode).toBe(404);
    const res = await rate({ dossierCode: d.code, overall: 'very_satisfied', ticketId: ticket.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'kiosk' });
  });

  it('counts ratings per center for the scoring', async () => {
    const centers = (await t.app.inject({ url: '/api/v1/queue/centers' })).json() as { id: string; agencyCode: string }[];
    const centerId = centers.find((c) => c.agencyCode === 'H46.01')!.id;
    const facts = await ratingFacts(t.ctx.db, [centerId], new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(facts).toEqual([{ centerId, total: 4, verySatisfied: 2, satisfied: 1, dissatisfied: 1 }]);
  });
});
