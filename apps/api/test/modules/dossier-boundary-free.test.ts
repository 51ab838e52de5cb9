import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
});
afterAll(() => t.close());

type Center = { id: string; agencyCode: string; provinceCode: string };

describe('boundary-free procedures (received at any center of the province)', () => {
  it('the Phú Xuân counter receives for the provincial center: both centers are recorded and the work goes to the competent one', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const province = (await officer.get('/api/v1/centers?scope=province')).json() as Center[];
    expect(province.map((c) => c.agencyCode).sort()).toEqual(['H46', 'H46.01']);
    const own = province.find((c) => c.agencyCode === 'H46.01')!;
    const hue = province.find((c) => c.agencyCode === 'H46')!;

    const { checklist } = await completeChecklist(t, '1.001193');
    const res = await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept', competentCenterId: hue.id });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ centerId: own.id, competentCenterId: hue.id });
    expect(d.code).toMatch(/^H46\.01-/);

    // Assigned to a specialist of the competent center, who finds it in their inbox.
    const hueSpecialist = await asUser(t, 'hue.chuyenvien');
    const inbox = (await hueSpecialist.get('/api/v1/dossiers?assignee=me')).json();
    expect(inbox.items.map((i: { code: string }) => i.code)).toContain(d.code);
    expect((await hueSpecialist.act(d.id, { action: 'start_review' })).statusCode).toBe(200);
  });

  it('refuses a competent center of another province and writes nothing', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const gialai = ((await (await asUser(t, 'gialai.motcua')).get('/api/v1/centers')).json() as Center[])[0]!;
    const before = (await officer.get('/api/v1/dossiers')).json().items.length;
    const { checklist } = await completeChecklist(t, '1.001193');
    const res = await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept', competentCenterId: gialai.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'competentCenterId' })]);
    expect((await officer.get('/api/v1/dossiers')).json().items.length).toBe(before);
  });
});
