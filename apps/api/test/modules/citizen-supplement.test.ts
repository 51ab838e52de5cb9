import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db/client.ts';
import type { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import type { SmsSimulator } from '../../src/simulators/sms.ts';
import { asCitizen, samplePdf } from '../support/citizen-fixtures.ts';
import { startCitizenPortal, type CitizenPortal } from '../support/citizen-portal.ts';
import { asUser } from '../support/dossier-fixtures.ts';
import type { TestApp } from '../support/harness.ts';

let t: TestApp;
let sms: SmsSimulator;
let worker: OutboxWorker;
let centerId: string;
let docs: CitizenPortal['docs'];
beforeAll(async () => {
  ({ t, sms, worker, centerId, docs } = await startCitizenPortal());
});
afterAll(async () => {
  await t.close();
  await sms.close();
});

type Citizen = Awaited<ReturnType<typeof asCitizen>>;

async function upload(c: Citizen, bytes: Uint8Array, itemId: string): Promise<string> {
  const created = await c.post('/api/v1/citizen/uploads', { name: `${itemId}.pdf`, mime: 'application/pdf', size: bytes.byteLength, itemId });
  expect(created.statusCode, created.body).toBe(201);
  const done = await c.chunk(created.json().id, 0, bytes);
  expect(done.json().status).toBe('complete');
  return created.json().id;
}

/** An online birth registration by `c`, accepted at the counter, in review, then sent back for one missing paper. */
async function dossierAwaitingSupplement(c: Citizen, phone: string) {
  const mandatory = docs.filter((d) => d.requirement === 'mandatory');
  const draft = (await c.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
  const attachments: Record<string, { fileId: string; source: string }> = {};
  for (const d of mandatory) attachments[d.id] = { fileId: await upload(c, samplePdf(d.id), d.id), source: 'upload' };
  const saved = await c.put(`/api/v1/citizen/drafts/${draft.id}`, {
    expectedVersion: 1,
    applicant: { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' }, phone },
    attachments,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await c.post(`/api/v1/citizen/drafts/${draft.id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(201);
  const { id, code } = submitted.json() as { id: string; code: string };
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  expect((await officer.act(id, { action: 'accept' })).statusCode).toBe(200);
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const staffView = (await t.app.inject({ url: `/api/v1/dossiers/${id}`, headers: { authorization: `Bearer ${await t.login('phuxuan.lanhdao')}` } })).json();
  if (staffView.status === 'received') expect((await leader.act(id, { action: 'assign' })).statusCode).toBe(200);
  expect((await specialist.act(id, { action: 'start_review' })).statusCode).toBe(200);
  const asked = mandatory[0]!;
  const req = await specialist.act(id, { action: 'request_supplement', supplementItems: [{ itemId: asked.id, note: 'Bản chụp bị mờ, vui lòng gửi lại bản rõ nét.' }] });
  expect(req.statusCode, req.body).toBe(200);
  return { id, code, asked };
}

const lastEvent = async (dossierId: string) =>
  rowsOf<{ seq: number; action: string; actor_id: string; actor_role: string; to_state: string; data: { channel?: string; files?: { itemId: string }[] } }>(
    await t.ctx.db.execute(sql`select seq, action, actor_id, actor_role, to_state, data from dossier_events where dossier_id = ${dossierId} order by seq desc limit 1`),
  )[0]!;

describe('answering a supplement request online', () => {
  it('the owner sees what was asked, uploads it and sends it: the dossier is back in review, the clock runs again, the timeline names the citizen, the portal is told', async () => {
    const c = await asCitizen(t, sms, worker, '0905810001');
    const { id, asked } = await dossierAwaitingSupplement(c, '0905810001');

    const view = (await c.get(`/api/v1/citizen/dossiers/${id}`)).json();
    expect(view).toMatchObject({ status: 'supplement_requested', statusCode: 5, nextStep: 'supplement', paused: true });
    expect(view.supplementRequest).toEqual([{ key: asked.id, name: asked.name, note: 'Bản chụp bị mờ, vui lòng gửi lại bản rõ nét.' }]);

    // Nothing attached yet: refused with the missing item named, and the dossier does not move.
    const empty = await c.post(`/api/v1/citizen/dossiers/${id}/supplement`, { files: [{ key: 'zz', fileId: '0194f7a0-0000-7000-8000-000000000000' }] });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().code).toBe('citizen.supplement_incomplete');
    expect(empty.json().errors.map((e: { path: string }) => e.path).sort()).toEqual([`files.${asked.id}`, 'files.zz']);
    expect((await c.get(`/api/v1/citizen/dossiers/${id}`)).json().status).toBe('supplement_requested');

    t.clock.advance(30 * 60_000);
    const fileId = await upload(c, samplePdf('ban ro net'), asked.id);
    const sent = await c.post(`/api/v1/citizen/dossiers/${id}/supplement`, { files: [{ key: asked.id, fileId }] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'processing', step: 'in_review', statusCode: 4, paused: false, supplementRequest: [], nextStep: 'wait_processing' });
    expect(sent.json().timeline.at(-1).action).toBe('receive_supplement');

    const e = await lastEvent(id);
    expect(e).toMatchObject({ action: 'receive_supplement', actor_id: c.id, actor_role: 'citizen', to_state: 'processing:in_review', data: { channel: 'online', files: [{ itemId: asked.id }] } });
    // The staff see the new file on the item that was asked for.
    const files = rowsOf<{ item_id: string }>(await t.ctx.db.execute(sql`select item_id from dossier_files where dossier_id = ${id} and uploaded_by = ${c.id} order by uploaded_at desc limit 1`));
    expect(files[0]!.item_id).toBe(asked.id);
    // Synced like every change: the portal message was written with it.
    const msg = rowsOf<{ action: string }>(await t.ctx.db.execute(sql`select payload->>'action' as action from outbox_messages where topic = 'portal.sync' and idempotency_key = ${`${id}:${e.seq}`}`));
    expect(msg).toEqual([{ action: 'receive_supplement' }]);

    // Sent once: a second answer finds nothing asked.
    const again = await c.post(`/api/v1/citizen/dossiers/${id}/supplement`, { files: [{ key: asked.id, fileId }] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('citizen.no_supplement_requested');
  });

  it('only the citizen who filed it can answer; another citizen and staff through this door get nothing', async () => {
    const owner = await asCitizen(t, sms, worker, '0905810002');
    const { id, asked } = await dossierAwaitingSupplement(owner, '0905810002');
    const stranger = await asCitizen(t, sms, worker, '0905810003');
    const theirs = await upload(stranger, samplePdf('khac'), asked.id);
    const res = await stranger.post(`/api/v1/citizen/dossiers/${id}/supplement`, { files: [{ key: asked.id, fileId: theirs }] });
    expect(res.statusCode).toBe(404);
    // The owner cannot hand in someone else's upload either.
    const borrowed = await owner.post(`/api/v1/citizen/dossiers/${id}/supplement`, { files: [{ key: asked.id, fileId: theirs }] });
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().errors).toEqual([{ path: `files.${asked.id}`, message: 'the file is missing or not completely uploaded' }]);
    const officer = await t.app.inject({ method: 'POST', url: `/api/v1/citizen/dossiers/${id}/supplement`, headers: { authorization: `Bearer ${await t.login('phuxuan.motcua')}` }, payload: { files: [{ key: asked.id, fileId: theirs }] } });
    expect(officer.statusCode).toBe(403);
    expect((await lastEvent(id)).action).toBe('request_supplement');
  });
});
