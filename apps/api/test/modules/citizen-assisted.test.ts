import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { asCitizen, client, samplePdf } from '../support/citizen-fixtures.ts';
import { asUser } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let sms: SmsSimulator;
let worker: OutboxWorker;
let centerId: string;
let docs: { id: string; requirement: string }[];
beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }) });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
  const centers = (await t.app.inject({ url: '/api/v1/citizen/procedures/1.001193/centers' })).json();
  centerId = centers.centers.find((c: { agencyCode: string }) => c.agencyCode === 'H46.01').id;
  docs = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json().documents;
});
afterAll(async () => {
  await t.close();
  await sms.close();
});

type Api = ReturnType<typeof client>;
const staff = async (username: string) => {
  const token = await t.login(username);
  const me = (await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).json();
  return client(t, token, me.user.id);
};
/** The same signed-in helper, acting for the citizen whose consent they recorded. */
const onBehalf = (helper: Api, citizenId: string) => client(t, helper.token, citizenId, { 'x-on-behalf-of': citizenId });

async function upload(c: Api, itemId: string): Promise<string> {
  const bytes = samplePdf(itemId);
  const created = await c.post('/api/v1/citizen/uploads', { name: `${itemId}.pdf`, mime: 'application/pdf', size: bytes.byteLength, itemId });
  expect(created.statusCode, created.body).toBe(201);
  expect((await c.chunk(created.json().id, 0, bytes)).json().status).toBe('complete');
  return created.json().id;
}

/** Files a birth registration through `c` (the citizen, or a helper on their behalf); returns the new dossier. */
async function fileBirthRegistration(c: Api, phone: string) {
  const draft = (await c.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
  const attachments: Record<string, { fileId: string; source: string }> = {};
  for (const d of docs.filter((x) => x.requirement === 'mandatory')) attachments[d.id] = { fileId: await upload(c, d.id), source: 'upload' };
  const saved = await c.put(`/api/v1/citizen/drafts/${draft.id}`, {
    expectedVersion: 1,
    applicant: { idNumber: '046195004321', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1995-09-02', sex: 'female', address: { line: '5 Trần Hưng Đạo', communeCode: '19753' }, phone },
    attachments,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await c.post(`/api/v1/citizen/drafts/${draft.id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(201);
  return submitted.json() as { id: string; code: string; helperName: string | null };
}

/** A citizen who took part in the portal once and whom the Phú Xuân director registers as a volunteer. */
async function registeredVolunteer(phone: string, name: string) {
  const v = await asCitizen(t, sms, worker, phone, '10.64.0.1');
  expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/citizen/me', headers: { authorization: `Bearer ${v.token}` }, payload: { fullName: name } })).statusCode).toBe(200);
  const director = await staff('phuxuan.giamdoc');
  const registered = await director.post('/api/v1/volunteers', { phone });
  expect(registered.statusCode, registered.body).toBe(200);
  return client(t, v.token, v.id);
}

const timelineOf = async (dossierId: string) => (await (await staff('phuxuan.motcua')).get(`/api/v1/dossiers/${dossierId}/timeline`)).json().events as { action: string; actorId: string; data: Record<string, unknown> }[];

describe('assisted filing by a registered volunteer', () => {
  it('only the center director registers volunteers, and only people who have signed in to the portal', async () => {
    const officer = await staff('phuxuan.motcua');
    expect((await officer.post('/api/v1/volunteers', { phone: '0905640009' })).statusCode).toBe(403);
    const director = await staff('phuxuan.giamdoc');
    const unknown = await director.post('/api/v1/volunteers', { phone: '0905640009' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('citizen.not_found');
  });

  it('a volunteer records the citizen’s consent and files for them; staff and the citizen see who helped and under which consent', async () => {
    const volunteer = await registeredVolunteer('0905640001', 'Đoàn Thị Thu Hà');
    const consent = await volunteer.post('/api/v1/assisted/consents', { phone: '0905640002', fullName: 'Nguyễn Thị Hoa', consent: true });
    expect(consent.statusCode, consent.body).toBe(201);
    const citizenId = consent.json().citizenId as string;

    const filed = await fileBirthRegistration(onBehalf(volunteer, citizenId), '0905640002');
    expect(filed.helperName).toBe('Đoàn Thị Thu Hà');

    const officer = await staff('phuxuan.motcua');
    const facts = (await officer.get(`/api/v1/dossiers/${filed.id}/online`)).json();
    expect(facts).toMatchObject({ online: true, citizenPhone: '0905640002', helper: { id: volunteer.id, name: 'Đoàn Thị Thu Hà', role: 'volunteer' } });
    expect(facts.consentGivenAt).not.toBeNull();
    const [submitted] = await timelineOf(filed.id);
    expect(submitted).toMatchObject({ action: 'submit_online', actorId: volunteer.id, data: { helpedBy: { userId: volunteer.id, role: 'volunteer', name: 'Đoàn Thị Thu Hà' } } });
    // The consent kept names the volunteer who recorded it.
    const [kept] = rowsOf<{ recorded_by: string; purpose: string }>(await t.ctx.db.execute(sql`select recorded_by, purpose from consents where id = ${consent.json().consentId}`));
    expect(kept).toEqual({ recorded_by: volunteer.id, purpose: 'assisted_filing' });

    // The dossier is the citizen's own: it is in their list when they sign in, marked as helped.
    const citizen = await asCitizen(t, sms, worker, '0905640002', '10.64.0.2');
    const mine = (await citizen.get('/api/v1/citizen/dossiers')).json().items;
    expect(mine.map((d: { code: string; helperName: string | null }) => [d.code, d.helperName])).toEqual([[filed.code, 'Đoàn Thị Thu Hà']]);
    // The volunteer's own account holds nothing of it.
    expect((await volunteer.get('/api/v1/citizen/dossiers')).json().items).toEqual([]);
  });

  it('a citizen who is not a registered volunteer can neither record a consent nor file for someone else', async () => {
    const someone = await asCitizen(t, sms, worker, '0905640003', '10.64.0.3');
    const consent = await someone.post('/api/v1/assisted/consents', { phone: '0905640004', fullName: 'Trần Văn Nam', consent: true });
    expect(consent.statusCode).toBe(403);
    expect(consent.json().code).toBe('citizen.not_a_helper');
    const victim = await asCitizen(t, sms, worker, '0905640004', '10.64.0.4');
    const draft = await onBehalf(someone, victim.id).post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId });
    expect(draft.statusCode).toBe(403);
    expect((await victim.get('/api/v1/citizen/drafts')).json().items).toEqual([]);
  });

  it('a volunteer cannot act for a citizen without a consent of their own, nor on one older than 24 hours', async () => {
    const volunteer = await registeredVolunteer('0905640005', 'Hồ Văn Sơn');
    const other = await staff('phuxuan.motcua');
    const byOfficer = (await other.post('/api/v1/assisted/consents', { phone: '0905640006', consent: true })).json();
    // The officer's consent is the officer's: it does not let the volunteer in.
    const borrowed = await onBehalf(volunteer, byOfficer.citizenId).post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId });
    expect(borrowed.statusCode).toBe(403);
    expect(borrowed.json().code).toBe('citizen.no_consent');

    expect((await volunteer.post('/api/v1/assisted/consents', { phone: '0905640006', consent: true })).statusCode).toBe(201);
    expect((await onBehalf(volunteer, byOfficer.citizenId).get('/api/v1/citizen/drafts')).statusCode).toBe(200);
    t.clock.advance(25 * 3_600_000);
    // A new day, a new sign-in (sessions are shorter than that): yesterday's consent no longer counts.
    const nextDay = await asCitizen(t, sms, worker, '0905640005', '10.64.0.5');
    const stale = await onBehalf(client(t, nextDay.token, nextDay.id), byOfficer.citizenId).get('/api/v1/citizen/drafts');
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('citizen.no_consent');
  });
});

/** An online dossier of `citizen`, accepted, in review, then sent back for its first mandatory paper. */
async function awaitingSupplement(citizen: Api, phone: string) {
  const d = await fileBirthRegistration(citizen, phone);
  const officer = await asUser(t, 'phuxuan.motcua');
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  expect((await officer.act(d.id, { action: 'accept' })).statusCode).toBe(200);
  if ((await leader.get(`/api/v1/dossiers/${d.id}`)).json().status === 'received') expect((await leader.act(d.id, { action: 'assign' })).statusCode).toBe(200);
  expect((await specialist.act(d.id, { action: 'start_review' })).statusCode).toBe(200);
  const asked = docs.find((x) => x.requirement === 'mandatory')!.id;
  const req = await specialist.act(d.id, { action: 'request_supplement', supplementItems: [{ itemId: asked, note: 'Bản chụp bị mờ.' }] });
  expect(req.statusCode, req.body).toBe(200);
  return { ...d, asked };
}

const lastEvent = async (dossierId: string) => (await timelineOf(dossierId)).at(-1)!;

describe('assisted mode: answering a supplement request for the citizen', () => {
  it('a counter officer, with the citizen’s consent recorded, sends the paper asked for; the timeline names the officer as helper with the consent', async () => {
    const citizen = await asCitizen(t, sms, worker, '0905650001', '10.65.0.1');
    const d = await awaitingSupplement(citizen, '0905650001');
    const officer = await staff('phuxuan.motcua');

    // Without a consent of their own the officer cannot answer for the citizen.
    const early = await onBehalf(officer, citizen.id).post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId: '0194f7a0-0000-7000-8000-000000000000' }] });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('citizen.no_consent');

    const consent = await officer.post('/api/v1/assisted/consents', { phone: '0905650001', consent: true });
    expect(consent.statusCode).toBe(201);
    const forCitizen = onBehalf(officer, citizen.id);
    expect((await forCitizen.get(`/api/v1/citizen/dossiers/${d.id}`)).json().supplementRequest).toEqual([expect.objectContaining({ key: d.asked, note: 'Bản chụp bị mờ.' })]);
    const fileId = await upload(forCitizen, d.asked);
    const sent = await forCitizen.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId }] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'processing', step: 'in_review', paused: false, supplementRequest: [] });

    expect(await lastEvent(d.id)).toMatchObject({
      action: 'receive_supplement',
      actorId: officer.id,
      data: { channel: 'online', files: [{ itemId: d.asked }], helpedBy: { role: 'counter_officer', name: 'Nguyễn Thị Mai' }, consentId: consent.json().consentId },
    });
    // The citizen sees their dossier back in review.
    expect((await citizen.get(`/api/v1/citizen/dossiers/${d.id}`)).json()).toMatchObject({ status: 'processing', nextStep: 'wait_processing' });
  });

  it('an officer at another center, with the citizen’s consent, answers too: the citizen need not travel back to the center that asked', async () => {
    const citizen = await asCitizen(t, sms, worker, '0905650006', '10.65.0.6');
    const d = await awaitingSupplement(citizen, '0905650006');
    const elsewhere = await staff('tuson.motcua');
    expect((await elsewhere.post('/api/v1/assisted/consents', { phone: '0905650006', consent: true })).statusCode).toBe(201);
    const forCitizen = onBehalf(elsewhere, citizen.id);
    const fileId = await upload(forCitizen, d.asked);
    const sent = await forCitizen.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId }] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await lastEvent(d.id)).toMatchObject({ action: 'receive_supplement', actorId: elsewhere.id, data: { helpedBy: { role: 'counter_officer' } } });
    // Helping is not working the dossier: the officer's own center still cannot act on it.
    const act = await (await asUser(t, 'tuson.motcua')).act(d.id, { action: 'start_review' });
    expect(act.statusCode).toBe(404);
  });

  it('a registered volunteer does the same through the citizen’s rights; a file from the volunteer’s own store is refused and nothing moves', async () => {
    const citizen = await asCitizen(t, sms, worker, '0905650002', '10.65.0.2');
    const d = await awaitingSupplement(citizen, '0905650002');
    const volunteer = await registeredVolunteer('0905650003', 'Lê Thị Ngọc Ánh');
    expect((await volunteer.post('/api/v1/assisted/consents', { phone: '0905650002', consent: true })).statusCode).toBe(201);
    const forCitizen = onBehalf(volunteer, citizen.id);

    const own = await upload(volunteer, d.asked);
    const wrong = await forCitizen.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId: own }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('citizen.supplement_incomplete');
    expect((await lastEvent(d.id)).action).toBe('request_supplement');

    const fileId = await upload(forCitizen, d.asked);
    const sent = await forCitizen.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId }] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await lastEvent(d.id)).toMatchObject({ action: 'receive_supplement', actorId: volunteer.id, data: { helpedBy: { userId: volunteer.id, role: 'volunteer', name: 'Lê Thị Ngọc Ánh' } } });
  });

  it('a consent for one citizen does not reach another citizen’s dossier', async () => {
    const owner = await asCitizen(t, sms, worker, '0905650004', '10.65.0.4');
    const d = await awaitingSupplement(owner, '0905650004');
    const officer = await staff('phuxuan.motcua');
    const consent = (await officer.post('/api/v1/assisted/consents', { phone: '0905650005', consent: true })).json();
    const res = await onBehalf(officer, consent.citizenId).post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId: '0194f7a0-0000-7000-8000-000000000000' }] });
    expect(res.statusCode).toBe(404);
    // A header that is not a citizen id at all is a plain input error, not a server fault.
    const garbled = await onBehalf(officer, 'not-a-citizen').post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { files: [{ key: d.asked, fileId: '0194f7a0-0000-7000-8000-000000000000' }] });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().errors).toEqual([{ path: 'headers.x-on-behalf-of', message: 'must be the citizen id (UUID) the consent was recorded for' }]);
    expect((await lastEvent(d.id)).action).toBe('request_supplement');
  });
});
