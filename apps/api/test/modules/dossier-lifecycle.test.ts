import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { InboxList } from '../../src/modules/dossier/dossier.routes.ts';

let t: TestApp;
// Monday 23 November 2026, 09:00 in Huế.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
});
afterAll(() => t.close());

describe('a birth registration from counter to return', () => {
  it('is received with a code and same-day deadline, assigned, reviewed, signed, finished and returned', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const leader = await asUser(t, 'phuxuan.lanhdao');
    const { checklist } = await completeChecklist(t, '1.001193');

    const created = await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d.code).toBe('H46.01-261123-0001');
    expect(d.status).toBe('processing');
    expect(d.statusCode).toBe(4);
    expect(d.step).toBe('assigned');
    expect(d.dueAt).toBe('2026-11-23T17:00:00+07:00');
    expect(d.procedureName).toBe('Thủ tục đăng ký khai sinh');

    const inbox = (await specialist.get('/api/v1/dossiers?assignee=me')).json();
    // The inbox is sent without zod's serializer: it must still be exactly what the schema says.
    expect(InboxList.parse(inbox)).toEqual(inbox);
    expect(inbox.items.map((i: { code: string }) => i.code)).toContain(d.code);
    expect(inbox.items.find((i: { code: string }) => i.code === d.code).badge).toBe('due_today');

    t.clock.advance(30 * 60_000);
    const steps: [typeof officer, string][] = [
      [specialist, 'start_review'],
      [specialist, 'submit_for_approval'],
      [leader, 'approve'],
      [specialist, 'finish'],
      [officer, 'return_result'],
    ];
    let current = d;
    for (const [who, action] of steps) {
      const res = await who.act(d.id, { action, expectedVersion: current.version });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      current = res.json();
      t.clock.advance(10 * 60_000);
    }
    expect(current.status).toBe('returned');
    expect(current.statusCode).toBe(10);
    expect(current.outcome).toBe('on_time');

    const timeline = (await officer.get(`/api/v1/dossiers/${d.id}/timeline`)).json();
    expect(timeline.chainIntact).toBe(true);
    expect(timeline.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'assign', 'start_review', 'submit_for_approval', 'approve', 'finish', 'return_result']);
    expect(timeline.events[0].actorName).toBe('Nguyễn Thị Mai');
    expect(timeline.events[1].actorRole).toBe('system');
  });
});

describe('refusals and guards at the counter', () => {
  it('refuses to accept a dossier missing a mandatory document, naming it', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const res = await officer.intake({ procedureCode: '1.001193', applicant, checklist: checklist.map((c) => ({ ...c, provided: false })), decision: 'accept' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('dossier.invalid_intake');
    expect(res.json().errors.some((e: { message: string }) => e.message.startsWith('required document missing'))).toBe(true);
  });

  it('rejects a citizen ID that does not match the birth date and sex', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const res = await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, idNumber: '046195123456' }, checklist, decision: 'accept' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('applicant.idNumber');
  });

  it('writes a supplement request (Form 02) listing what is missing, with no deadline yet', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const res = await officer.intake({ procedureCode: '1.001193', applicant, checklist: checklist.map((c) => ({ ...c, provided: false })), decision: 'supplement' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'supplement_requested', statusCode: 5, dueAt: null });
  });

  it('the no-extra-paper guard refuses a document outside the official list without a legal reason', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const bad = await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'supplement', supplementItems: [{ name: 'Giấy xác nhận tình trạng hôn nhân' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('items.0.legalReason');
    const ok = await officer.intake({
      procedureCode: '1.001193',
      applicant,
      checklist,
      decision: 'supplement',
      supplementItems: [{ name: 'Giấy xác nhận tình trạng hôn nhân', legalReason: 'Khoản 2 Điều 16 Luật Hộ tịch: cần xác minh quan hệ cha mẹ' }],
    });
    expect(ok.statusCode).toBe(201);
    const timeline = (await officer.get(`/api/v1/dossiers/${ok.json().id}/timeline`)).json();
    expect(timeline.events[0].data.extraPaper).toEqual([{ name: 'Giấy xác nhận tình trạng hôn nhân', legalReason: 'Khoản 2 Điều 16 Luật Hộ tịch: cần xác minh quan hệ cha mẹ' }]);

    // … and it is reported to the center's leaders, not to other centers.
    const report = (await (await asUser(t, 'phuxuan.giamdoc')).get('/api/v1/dossiers/reports/extra-paper')).json();
    expect(report.items.map((i: { code: string }) => i.code)).toEqual([ok.json().code]);
    expect(report.items[0]).toMatchObject({ actorName: 'Nguyễn Thị Mai', documents: [{ name: 'Giấy xác nhận tình trạng hôn nhân' }] });
    expect((await (await asUser(t, 'ayun.giamdoc')).get('/api/v1/dossiers/reports/extra-paper')).json().items).toEqual([]);
    expect((await officer.get('/api/v1/dossiers/reports/extra-paper')).statusCode).toBe(403);
  });

  it('a refusal (Form 03) needs written reasons', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    expect((await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'refuse' })).statusCode).toBe(400);
    const res = await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'refuse', reason: 'Trẻ đã được đăng ký khai sinh tại nơi khác' });
    expect(res.json()).toMatchObject({ status: 'not_accepted', statusCode: 3 });
  });

  it('a specialist cannot receive dossiers at the counter', async () => {
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const { checklist } = await completeChecklist(t, '1.001193');
    expect((await specialist.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).statusCode).toBe(403);
  });
});

describe('scoping', () => {
  it('the Xã Ayun officer gets 404 for a Phường Phú Xuân dossier and cannot act on it', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const ayun = await asUser(t, 'ayun.motcua');
    expect((await ayun.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await ayun.get(`/api/v1/dossiers/${d.id}/timeline`)).statusCode).toBe(404);
    expect((await ayun.act(d.id, { action: 'withdraw', reason: 'x' })).statusCode).toBe(404);
    const list = (await ayun.get('/api/v1/dossiers')).json();
    expect(list.items.some((i: { id: string }) => i.id === d.id)).toBe(false);
  });
});

/** A birth registration received at Phú Xuân and taken through review and signature to "finished". */
async function finishedBirthRegistration() {
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const { checklist } = await completeChecklist(t, '1.001193');
  const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
  for (const [who, action] of [[specialist, 'start_review'], [specialist, 'submit_for_approval'], [leader, 'approve'], [specialist, 'finish']] as const) {
    expect((await who.act(d.id, { action })).statusCode).toBe(200);
  }
  return { officer, d };
}

describe('finding dossiers and staff', () => {
  it('finds a dossier by code while its result waits at the counter, and lists the center’s staff', async () => {
    const { officer, d } = await finishedBirthRegistration();
    const list = (await officer.get('/api/v1/dossiers')).json();
    expect(list.items.find((i: { id: string }) => i.id === d.id)?.status).toBe('finished');
    expect((await officer.get(`/api/v1/dossiers/by-code/${d.code}`)).json().id).toBe(d.id);
    expect((await (await asUser(t, 'ayun.motcua')).get(`/api/v1/dossiers/by-code/${d.code}`)).statusCode).toBe(404);

    const staff = (await officer.get(`/api/v1/centers/${d.centerId}/staff`)).json();
    expect(staff.map((s: { username: string }) => s.username).sort()).toEqual(['phuxuan.chuyenvien', 'phuxuan.giamdoc', 'phuxuan.lanhdao', 'phuxuan.motcua']);
    expect((await (await asUser(t, 'ayun.motcua')).get(`/api/v1/centers/${d.centerId}/staff`)).statusCode).toBe(404);
  });
});

describe('returning the result', () => {
  it('by post needs the tracking code, changes nothing without it, and records who it went to', async () => {
    const { officer, d } = await finishedBirthRegistration();
    const missing = await officer.act(d.id, { action: 'return_result', returnMethod: 'post' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'postalTrackingCode' })]);
    expect((await officer.get(`/api/v1/dossiers/${d.id}`)).json().status).toBe('finished');

    const sent = await officer.act(d.id, { action: 'return_result', returnMethod: 'post', postalTrackingCode: 'EB123456789VN', receivedBy: 'Trần Thị Bình' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('returned');
    const last = (await officer.get(`/api/v1/dossiers/${d.id}/timeline`)).json().events.at(-1);
    expect(last.data).toMatchObject({ returnMethod: 'post', postalTrackingCode: 'EB123456789VN', receivedBy: 'Trần Thị Bình' });
  });
});
