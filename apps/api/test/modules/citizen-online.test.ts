import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierOnline, dossierReuse } from '../../src/modules/citizen/citizen.tables.ts';
import { setVirusScanner } from '../../src/modules/citizen/index.ts';
import { notifications } from '../../src/modules/notify/notify.tables.ts';
import type { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startPopulationSimulator, type PopulationSimulator } from '../../src/simulators/population.ts';
import type { SmsSimulator } from '../../src/simulators/sms.ts';
import { asCitizen, samplePdf } from '../support/citizen-fixtures.ts';
import { startCitizenPortal, type CitizenPortal } from '../support/citizen-portal.ts';
import { asUser } from '../support/dossier-fixtures.ts';
import type { TestApp } from '../support/harness.ts';

let t: TestApp;
let sms: SmsSimulator;
let pop: PopulationSimulator;
let worker: OutboxWorker;
let centerId: string;
let docs: CitizenPortal['docs'];
beforeAll(async () => {
  pop = await startPopulationSimulator();
  ({ t, sms, worker, centerId, docs } = await startCitizenPortal({ MOTCUA_POPULATION_URL: pop.url }));
});
afterAll(async () => {
  await t.close();
  await sms.close();
  await pop.close();
});

async function upload(c: Awaited<ReturnType<typeof asCitizen>>, bytes: Uint8Array, itemId?: string) {
  const created = await c.post('/api/v1/citizen/uploads', { name: 'giay-chung-sinh.pdf', mime: 'application/pdf', size: bytes.byteLength, ...(itemId ? { itemId } : {}) });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const half = Math.floor(bytes.byteLength / 2);
  expect((await c.chunk(id, 0, bytes.subarray(0, half))).json().received).toBe(half);
  // A resent first chunk (the connection dropped after the server got it) is refused with the offset to resume from.
  const again = await c.chunk(id, 0, bytes.subarray(0, half));
  expect(again.statusCode).toBe(409);
  expect(again.json().received).toBe(half);
  const done = await c.chunk(id, half, bytes.subarray(half));
  expect(done.statusCode).toBe(200);
  expect(done.json().status).toBe('complete');
  return id;
}

describe('online submission (channel 2)', () => {
  it('drafts on one device, resumes on another, uploads in chunks, prefills from the registry with consent and submits → status 1', async () => {
    const phone = '0905123456';
    const phoneA = await asCitizen(t, sms, worker, phone);
    const draft = await phoneA.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId });
    expect(draft.statusCode).toBe(201);
    const draftId = draft.json().id;

    // Second device: a new sign-in sees the draft and continues it.
    t.clock.advance(2 * 60_000);
    const phoneB = await asCitizen(t, sms, worker, phone, '10.50.0.2');
    const list = (await phoneB.get('/api/v1/citizen/drafts')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toContain(draftId);

    const prefilled = await phoneB.post(`/api/v1/citizen/drafts/${draftId}/prefill`, { idNumber: '046090123456', expectedVersion: 1, consent: true });
    expect(prefilled.statusCode).toBe(200);
    expect(prefilled.json().applicant.fullName).toBe('Trần Văn Bình');
    expect(prefilled.json().populationUsed).toBe(true);

    const mandatory = docs.filter((d) => d.requirement === 'mandatory');
    const attachments: Record<string, { fileId?: string; source: string }> = {};
    for (const d of mandatory) attachments[d.id] = { fileId: await upload(phoneB, samplePdf(d.id), d.id), source: 'upload' };
    // The first device still holds version 1: its save is refused, not silently lost.
    expect((await phoneA.put(`/api/v1/citizen/drafts/${draftId}`, { expectedVersion: 1, fields: { note: 'x' } })).statusCode).toBe(409);
    const saved = await phoneB.put(`/api/v1/citizen/drafts/${draftId}`, { expectedVersion: 2, attachments, fields: { note: 'Khai sinh cho con thứ hai' } });
    expect(saved.statusCode).toBe(200);

    const submitted = await phoneA.post(`/api/v1/citizen/drafts/${draftId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const mine = submitted.json();
    expect(mine.status).toBe('new');
    expect(mine.statusCode).toBe(1);
    expect(mine.dueAt).toBeNull();
    expect(mine.trackingSecret).toMatch(/^[A-Z2-9]{8}$/);
    expect((await phoneA.post(`/api/v1/citizen/drafts/${draftId}/submit`)).statusCode).toBe(409);

    const [online] = await t.ctx.db.select().from(dossierOnline).where(eq(dossierOnline.dossierId, mine.id));
    expect(online!.populationDataUsed).toBe(true);
    expect(online!.helperId).toBeNull();

    // Staff see it in the inbox waiting for pre-check, with the files, and accept it: status 2 with a deadline.
    const officer = await asUser(t, 'phuxuan.motcua');
    const inbox = (await officer.get('/api/v1/dossiers')).json();
    const item = inbox.items.find((i: { id: string }) => i.id === mine.id);
    expect(item.channel).toBe('online');
    expect(item.allowedActions).toContain('accept');
    expect((await officer.get(`/api/v1/dossiers/${mine.id}/files`)).json()).toHaveLength(mandatory.length);
    const accepted = await officer.act(mine.id, { action: 'accept' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('received');
    expect(accepted.json().dueAt).not.toBeNull();

    const tracked = (await phoneA.get(`/api/v1/citizen/dossiers/${mine.id}`)).json();
    expect(tracked.timeline.map((e: { action: string }) => e.action)).toEqual(['submit_online', 'accept']);
    expect(tracked.nextStep).toBe('wait_processing');
  });

  it('refuses a submission with a mandatory document missing or an unfinished upload, and writes nothing', async () => {
    const c = await asCitizen(t, sms, worker, '0912345678');
    const draft = (await c.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
    const created = (await c.post('/api/v1/citizen/uploads', { name: 'a.pdf', mime: 'application/pdf', size: 5000 })).json();
    await c.put(`/api/v1/citizen/drafts/${draft.id}`, {
      expectedVersion: 1,
      applicant: { idNumber: '046195004321', fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1995-09-02', sex: 'female', address: { line: '5 Trần Hưng Đạo', communeCode: '19753' }, phone: '0912345678' },
      attachments: { [docs[0]!.id]: { fileId: created.id, source: 'upload' } },
    });
    const res = await c.post(`/api/v1/citizen/drafts/${draft.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.some((e: { message: string }) => e.message.includes('not completely uploaded'))).toBe(true);
    expect((await c.get('/api/v1/citizen/dossiers')).json().items).toHaveLength(0);
  });

  it('refuses a chunk beyond the declared size and any chunk once the upload is complete, keeping what arrived', async () => {
    const c = await asCitizen(t, sms, worker, '0935333444');
    const bytes = samplePdf('ranh gioi');
    const id = (await c.post('/api/v1/citizen/uploads', { name: 'a.pdf', mime: 'application/pdf', size: bytes.byteLength })).json().id;
    const tooLong = await c.chunk(id, 0, new Uint8Array(bytes.byteLength + 1));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('citizen.bad_chunk');
    expect((await c.chunk(id, 0, bytes)).json().status).toBe('complete');
    const late = await c.chunk(id, bytes.byteLength, bytes.subarray(0, 10));
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'citizen.upload_closed', received: bytes.byteLength });
    expect((await c.get(`/api/v1/citizen/uploads/${id}`)).json()).toMatchObject({ status: 'complete', received: bytes.byteLength });
  });

  it('checks the type from the bytes and runs the virus-scan hook', async () => {
    const c = await asCitizen(t, sms, worker, '0935111222');
    const png = await c.post('/api/v1/citizen/uploads', { name: 'fake.pdf', mime: 'application/pdf', size: 10 });
    const wrongType = await c.chunk(png.json().id, 0, new TextEncoder().encode('hello text'));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().code).toBe('citizen.file_rejected');
    expect((await c.post('/api/v1/citizen/uploads', { name: 'big.pdf', mime: 'application/pdf', size: 11 * 1024 * 1024 })).statusCode).toBe(400);

    setVirusScanner(async (bytes) => (new TextDecoder().decode(bytes).includes('EICAR') ? { clean: false, reason: 'EICAR test signature' } : { clean: true }));
    try {
      const bytes = samplePdf('EICAR');
      const up = (await c.post('/api/v1/citizen/uploads', { name: 'v.pdf', mime: 'application/pdf', size: bytes.byteLength })).json();
      const res = await c.chunk(up.id, 0, bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain('EICAR');
      expect((await c.get(`/api/v1/citizen/uploads/${up.id}`)).json().status).toBe('rejected');
    } finally {
      setVirusScanner(null);
    }
  });

  it('assisted mode: a counter officer records consent and files for a citizen; the dossier shows who helped', async () => {
    const officerToken = await t.login('phuxuan.motcua');
    const auth = { authorization: `Bearer ${officerToken}` };
    const noConsent = await t.app.inject({ method: 'POST', url: '/api/v1/citizen/drafts', headers: { ...auth, 'x-on-behalf-of': '01a20000-0000-7000-8000-000000000000' }, payload: { procedureCode: '1.001193', centerId } });
    expect(noConsent.statusCode).toBe(403);
    const consent = await t.app.inject({ method: 'POST', url: '/api/v1/assisted/consents', headers: auth, payload: { phone: '0968000111', fullName: 'Hoàng Minh Tuấn', consent: true } });
    expect(consent.statusCode).toBe(201);
    const h = { ...auth, 'x-on-behalf-of': consent.json().citizenId };
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: h })).json().phone).toBe('0968000111');
    const inject = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object | Buffer, extra: Record<string, string> = {}) => t.app.inject({ method, url, headers: { ...h, ...extra }, payload });
    const draft = (await inject('POST', '/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
    const attachments: Record<string, { fileId: string; source: string }> = {};
    for (const d of docs.filter((x) => x.requirement === 'mandatory')) {
      const bytes = samplePdf(d.id);
      const up = (await inject('POST', '/api/v1/citizen/uploads', { name: `${d.id}.pdf`, mime: 'application/pdf', size: bytes.byteLength })).json();
      await inject('PATCH', `/api/v1/citizen/uploads/${up.id}`, Buffer.from(bytes), { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' });
      attachments[d.id] = { fileId: up.id, source: 'upload' };
    }
    const prefilled = (await inject('POST', `/api/v1/citizen/drafts/${draft.id}/prefill`, { idNumber: '046200556677', expectedVersion: 1, consent: true })).json();
    await inject('PUT', `/api/v1/citizen/drafts/${draft.id}`, { expectedVersion: prefilled.version, attachments });
    const submitted = await inject('POST', `/api/v1/citizen/drafts/${draft.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().helperName).toBe('Nguyễn Thị Mai');

    const facts = (await t.app.inject({ url: `/api/v1/dossiers/${submitted.json().id}/online`, headers: auth })).json();
    expect(facts.helper.name).toBe('Nguyễn Thị Mai');
    expect(facts.helper.role).toBe('counter_officer');
    expect(facts.consentGivenAt).not.toBeNull();
    expect(facts.populationDataUsed).toBe(true);
    const timeline = (await t.app.inject({ url: `/api/v1/dossiers/${submitted.json().id}/timeline`, headers: auth })).json();
    expect(timeline.events[0].data.helpedBy.name).toBe('Nguyễn Thị Mai');
  });

  it('once-only: a file from the citizen’s own store is reused and recorded per dossier', async () => {
    const c = await asCitizen(t, sms, worker, '0987654321');
    const stored = await upload(c, samplePdf('CCCD'));
    t.clock.advance(60_000);
    const draft = (await c.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
    const mandatory = docs.filter((d) => d.requirement === 'mandatory');
    const attachments = Object.fromEntries(mandatory.map((d) => [d.id, { fileId: stored, source: 'document_store' }]));
    await c.put(`/api/v1/citizen/drafts/${draft.id}`, {
      expectedVersion: 1,
      applicant: { idNumber: '024301112233', fullName: 'Phạm Thị Lan', dateOfBirth: '2001-07-15', sex: 'female', address: { line: '20 Nguyễn Văn Cừ', communeCode: '19753' }, phone: '0987654321' },
      attachments,
    });
    const submitted = (await c.post(`/api/v1/citizen/drafts/${draft.id}/submit`)).json();
    const reused = await t.ctx.db.select().from(dossierReuse).where(eq(dossierReuse.dossierId, submitted.id));
    expect(reused.map((r) => r.source)).toEqual(mandatory.map(() => 'document_store'));
    const [online] = await t.ctx.db.select().from(dossierOnline).where(eq(dossierOnline.dossierId, submitted.id));
    expect(online!.reusedComponents).toBe(mandatory.length);
    expect(online!.populationDataUsed).toBe(false);
  });

  it('a profile change naming nothing we keep (found by the fuzzer: it was a 500) answers with the profile unchanged', async () => {
    const c = await asCitizen(t, sms, worker, '0905999001');
    const headers = { authorization: `Bearer ${c.token}` };
    const before = (await t.app.inject({ url: '/api/v1/citizen/me', headers })).json();
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/citizen/me', headers, payload: { toString: 6161394028349733, 'zI-': -3e-323 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
  });

  it('tells the citizen at each step by the channels they chose (SMS and in-app), in their language', async () => {
    const c = await asCitizen(t, sms, worker, '0905999000');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/citizen/me', headers: { authorization: `Bearer ${c.token}` }, payload: { language: 'en', channels: ['inapp', 'sms'] } })).statusCode).toBe(200);
    const stored = await upload(c, samplePdf('x'));
    const draft = (await c.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
    await c.put(`/api/v1/citizen/drafts/${draft.id}`, {
      expectedVersion: 1,
      applicant: { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' }, phone: '0905999000' },
      attachments: Object.fromEntries(docs.filter((d) => d.requirement === 'mandatory').map((d) => [d.id, { fileId: stored, source: 'upload' }])),
    });
    const submitted = (await c.post(`/api/v1/citizen/drafts/${draft.id}/submit`)).json();
    // The dossier module announces the change on the outbox; the notify module fans it out.
    await worker.runOnce();
    await worker.runOnce();
    const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.dossierId, submitted.id));
    expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['inapp:sent', 'sms:sent']);
    expect(sms.messages.at(-1)!.text).toContain(`online dossier ${submitted.code}`);

    // Supplement needed: told again, by SMS and in the app.
    t.clock.advance(60 * 60_000);
    const officer = await asUser(t, 'phuxuan.motcua');
    const docId = docs.find((d) => d.requirement === 'mandatory')!.id;
    expect((await officer.act(submitted.id, { action: 'request_supplement', supplementItems: [{ itemId: docId }] })).statusCode).toBe(200);
    await worker.runOnce();
    await worker.runOnce();
    expect(sms.messages.at(-1)!.text).toContain(`dossier ${submitted.code} needs more documents`);
    const inbox = (await c.get('/api/v1/citizen/notifications')).json();
    expect(inbox.items.map((m: { event: string }) => m.event)).toEqual(['dossier.supplement', 'dossier.submitted']);
  });
});

describe('civil status across areas', () => {
  it('lets an officer read marital status from another commune’s registry', async () => {
    const officer = await t.login('phuxuan.motcua');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/civil-status/marital-status', headers: { authorization: `Bearer ${officer}` }, payload: { communeCode: '19774', idNumber: '046195004321' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ found: true, maritalStatus: 'single', fullName: 'Nguyễn Thị Hoa' });
    pop.setFault('down');
    const down = await t.app.inject({ method: 'POST', url: '/api/v1/civil-status/marital-status', headers: { authorization: `Bearer ${officer}` }, payload: { communeCode: '19774', idNumber: '046195004321' } });
    expect(down.statusCode).toBe(503);
    pop.setFault('none');
  });
});
