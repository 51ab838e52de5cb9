import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
// Monday 23 November 2026, 09:00 in Huế; 1.000689 allows 3 working days.
beforeAll(async () => {
  // Sessions must outlive the days the fixed clock jumps over.
  t = await startTestApp({ now: '2026-11-23T02:00:00Z', env: { MOTCUA_SESSION_HOURS: '720' } });
});
afterAll(() => t.close());

async function received() {
  const officer = await asUser(t, 'phuxuan.motcua');
  const { checklist } = await completeChecklist(t, '1.000689');
  const res = await officer.intake({ procedureCode: '1.000689', applicant, checklist, decision: 'accept' });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('dossier deadlines on the legal clock', () => {
  it('a supplement request pauses the clock and the deadline moves by the paused working time', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const d = await received();
    expect(d.dueAt).toBe('2026-11-26T09:00:00+07:00');
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    await specialist.act(d.id, { action: 'start_review' });
    t.clock.set('2026-11-24T02:00:00Z'); // Tue 09:00: one working day used
    const { documents } = await completeChecklist(t, '1.000689');
    const paused = await specialist.act(d.id, { action: 'request_supplement', supplementItems: [{ itemId: documents[0]!.id, note: 'Bản sao không rõ' }] });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'supplement_requested', statusCode: 5, paused: true });
    t.clock.set('2026-11-26T02:00:00Z'); // Thu 09:00: supplement arrives after two paused working days
    const resumed = await specialist.act(d.id, { action: 'receive_supplement' });
    expect(resumed.json()).toMatchObject({ status: 'processing', step: 'in_review', paused: false, dueAt: '2026-11-30T09:00:00+07:00' });
  });

  it('a second supplement request needs the director', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const d = await received();
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const { documents } = await completeChecklist(t, '1.000689');
    const ask = { action: 'request_supplement', supplementItems: [{ itemId: documents[0]!.id }] };
    await specialist.act(d.id, { action: 'start_review' });
    expect((await specialist.act(d.id, ask)).statusCode).toBe(200);
    expect((await specialist.act(d.id, { action: 'receive_supplement' })).statusCode).toBe(200);
    const second = await specialist.act(d.id, ask);
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe('dossier.second_supplement_needs_director');
    const director = await asUser(t, 'phuxuan.giamdoc');
    expect((await director.act(d.id, ask)).statusCode).toBe(200);
  });

  it('an apology letter sets one new date; the result then counts as late', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const d = await received();
    const leader = await asUser(t, 'phuxuan.lanhdao');
    const notWorking = await leader.act(d.id, { action: 'apologize', reason: 'Chờ xác minh từ UBND xã khác', newDueAt: '2026-11-28T09:00:00+07:00' });
    expect(notWorking.statusCode).toBe(422); // a Saturday
    const ok = await leader.act(d.id, { action: 'apologize', reason: 'Chờ xác minh từ UBND xã khác', newDueAt: '2026-12-01T10:00:00+07:00' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ dueAt: '2026-12-01T10:00:00+07:00', originalDueAt: '2026-11-26T09:00:00+07:00', apologyCount: 1 });
    const again = await leader.act(d.id, { action: 'apologize', reason: 'Lần nữa', newDueAt: '2026-12-02T10:00:00+07:00' });
    expect(again.json().code).toBe('dossier.apology_once');

    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    await specialist.act(d.id, { action: 'start_review' });
    await specialist.act(d.id, { action: 'submit_for_approval' });
    await leader.act(d.id, { action: 'approve' });
    t.clock.set('2026-11-30T02:00:00Z'); // before the new date, after the original one
    const done = await specialist.act(d.id, { action: 'finish' });
    expect(done.json().outcome).toBe('late');
  });

  it('finishing a working day before the deadline counts as early', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const d = await received();
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const leader = await asUser(t, 'phuxuan.lanhdao');
    await specialist.act(d.id, { action: 'start_review' });
    await specialist.act(d.id, { action: 'submit_for_approval' });
    await leader.act(d.id, { action: 'approve' });
    t.clock.set('2026-11-24T08:00:00Z');
    expect((await specialist.act(d.id, { action: 'finish' })).json().outcome).toBe('early');
  });
});

describe('the history cannot be rewritten', () => {
  it('the database refuses to change an event, and a forced change is detected by the hash chain', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const d = await received();
    await expect(t.database.db.execute(sql`update dossier_events set reason = 'sửa' where dossier_id = ${d.id}`)).rejects.toThrow();
    await t.database.db.execute(sql`alter table dossier_events disable trigger dossier_events_no_update`);
    await t.database.db.execute(sql`update dossier_events set actor_role = 'leader' where dossier_id = ${d.id} and seq = 1`);
    await t.database.db.execute(sql`alter table dossier_events enable trigger dossier_events_no_update`);
    const officer = await asUser(t, 'phuxuan.motcua');
    const timeline = (await officer.get(`/api/v1/dossiers/${d.id}/timeline`)).json();
    expect(timeline).toMatchObject({ chainIntact: false, brokenAtSeq: 1 });
  });
});
