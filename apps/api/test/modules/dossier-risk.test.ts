import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftApologies } from '../../src/modules/dossier/index.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z', env: { MOTCUA_SESSION_HOURS: '720' } });
});
afterAll(() => t.close());

describe('late risk: Form 04 drafted one working day before a missed deadline', () => {
  it('drafts once, names where the time went, and is signed through the apology letter', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.000689'); // 3 working days: due Thu 26 Nov 09:00
    const d = (await officer.intake({ procedureCode: '1.000689', applicant, checklist, decision: 'accept' })).json();
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    await specialist.act(d.id, { action: 'start_review' });

    t.clock.set('2026-11-24T09:00:00Z'); // Tue 16:00: 1 day 1 hour left
    expect(await draftApologies(t.ctx)).toBe(0);
    t.clock.set('2026-11-25T02:00:00Z'); // Wed 09:00: exactly one working day left
    expect(await draftApologies(t.ctx)).toBe(1);
    expect(await draftApologies(t.ctx)).toBe(0);

    const leader = await asUser(t, 'phuxuan.lanhdao');
    const drafts = (await leader.get('/api/v1/dossiers/apology-drafts')).json().items;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ code: d.code, causeState: 'processing:in_review', dueAt: '2026-11-26T09:00:00+07:00' });
    expect(drafts[0].causeWorkingHours).toBeGreaterThan(15);
    expect((await specialist.get('/api/v1/dossiers/apology-drafts')).statusCode).toBe(403);

    await leader.act(d.id, { action: 'apologize', reason: 'Chờ xác minh hộ tịch tại địa phương khác', newDueAt: '2026-11-30T16:00:00+07:00' });
    expect((await leader.get('/api/v1/dossiers/apology-drafts')).json().items).toHaveLength(0);
  });
});

describe('no-appointment day', () => {
  it('marks dossiers of eligible procedures received on the chosen weekday, and only those', async () => {
    t.clock.set('2026-11-27T02:00:00Z'); // Friday
    const director = await asUser(t, 'phuxuan.giamdoc');
    const me = (await director.get('/api/v1/me')).json();
    const officer = await asUser(t, 'phuxuan.motcua');
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/centers/${me.center.id}/no-appointment`,
      headers: { authorization: `Bearer ${await t.login('phuxuan.giamdoc')}` },
      payload: { weekdays: [5], procedureCodes: ['1.001193'] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await officer.get(`/api/v1/centers/${me.center.id}/no-appointment`)).json()).toEqual({ weekdays: [5], procedureCodes: ['1.001193'] });
    const denied = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/centers/${me.center.id}/no-appointment`,
      headers: { authorization: `Bearer ${await t.login('phuxuan.motcua')}` },
      payload: { weekdays: [1], procedureCodes: [] },
    });
    expect(denied.statusCode).toBe(403);

    const birth = await completeChecklist(t, '1.001193');
    const eligible = (await officer.intake({ procedureCode: '1.001193', applicant, checklist: birth.checklist, decision: 'accept' })).json();
    expect(eligible.noAppointment).toBe(true);
    const other = await completeChecklist(t, '1.000689');
    expect((await officer.intake({ procedureCode: '1.000689', applicant, checklist: other.checklist, decision: 'accept' })).json().noAppointment).toBe(false);
    t.clock.set('2026-11-30T02:00:00Z'); // Monday
    expect((await officer.intake({ procedureCode: '1.001193', applicant, checklist: birth.checklist, decision: 'accept' })).json().noAppointment).toBe(false);
  });
});
