import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_EVERY_MS } from '../../src/modules/sync/dead-letters.service.ts';
import { syncHandlers } from '../../src/modules/sync/index.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startPortalSimulator, type PortalSimulator } from '../../src/simulators/portal.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let sim: PortalSimulator;
let t: TestApp;
let worker: OutboxWorker;
beforeAll(async () => {
  sim = await startPortalSimulator();
  t = await startTestApp({ env: { MOTCUA_PORTAL_URL: sim.url, MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.gov.vn' } });
  // The clock stands still unless a test moves it: retries are due at once, each runOnce is one attempt.
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), batchSize: 100, backoffBaseMs: 0, backoffCapMs: 0 });
  for (const [topic, handler] of Object.entries(syncHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await t.close();
  await sim.close();
});

const drain = async () => {
  while ((await worker.runOnce()) > 0);
};
type Reply = { statusCode: number; body: string; headers: Record<string, unknown>; json(): any }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function as(username: string) {
  const headers = { authorization: `Bearer ${await t.login(username)}` };
  return {
    get: (url: string) => t.app.inject({ url, headers }) as Promise<Reply>,
    post: (url: string) => t.app.inject({ method: 'POST', url, headers }) as Promise<Reply>,
  };
}
type Notice = { event: string; dossierId: string; body: string; read: boolean };
const alertsAbout = async (username: string, dossierId: string): Promise<Notice[]> =>
  ((await (await as(username)).get('/api/v1/staff/notifications')).json().items as Notice[]).filter((n) => n.event === 'sync.dead_letter' && n.dossierId === dossierId);

async function receive(name: string): Promise<{ id: string; code: string }> {
  const officer = await asUser(t, 'phuxuan.motcua');
  const { checklist } = await completeChecklist(t, '1.001193');
  const res = await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, fullName: name }, checklist, decision: 'accept' });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; code: string };
}

describe('a change set aside for the portal alerts people', () => {
  it('tells the province admins and the center’s director in the app, once an hour per dossier, and lists it on the dashboard until acknowledged', async () => {
    sim.setFaults({ rejectAgencies: ['H46.01'] });
    const d = await receive('Trần Văn Gác');
    await drain();

    const [notice] = await alertsAbout('admin', d.id);
    expect(notice).toMatchObject({ read: false });
    expect(notice!.body).toBe(
      `Motcua: thay đổi của hồ sơ ${d.code} không gửi được tới Cổng Dịch vụ công quốc gia và đã bị gác lại (portal rejected the record: MaDonVi H46.01: đơn vị chưa được cấp quyền đồng bộ). Kiểm tra và gửi lại tại https://motcua.hue.gov.vn/province/sync`,
    );
    expect(await alertsAbout('phuxuan.giamdoc', d.id)).toHaveLength(1);
    // Only the people who answer for the sync: not the officers, not another province.
    expect(await alertsAbout('phuxuan.chuyenvien', d.id)).toEqual([]);
    expect(await alertsAbout('gialai.admin', d.id)).toEqual([]);

    const admin = await as('admin');
    const listed = (await admin.get('/api/v1/sync/dead-letters')).json().items.filter((i: { dossierId: string }) => i.dossierId === d.id);
    expect(listed).toEqual([expect.objectContaining({ target: 'portal', dossierCode: d.code, centerName: 'Trung tâm Phục vụ hành chính công phường Phú Xuân', error: expect.stringContaining('chưa được cấp quyền đồng bộ') })]);
    const centerId = listed[0].centerId;

    // Put back in line and set aside again within the hour: still listed, no second alert.
    expect((await admin.post(`/api/v1/sync/centers/${centerId}/retry`)).json()).toEqual({ requeued: 1 });
    await drain();
    expect(await alertsAbout('admin', d.id)).toHaveLength(1);

    // Seen: it leaves the list; saying so twice changes nothing.
    expect((await admin.post(`/api/v1/sync/dead-letters/${listed[0].messageId}/ack`)).statusCode).toBe(204);
    expect((await admin.post(`/api/v1/sync/dead-letters/${listed[0].messageId}/ack`)).statusCode).toBe(204);
    expect((await admin.get('/api/v1/sync/dead-letters')).json().items.some((i: { dossierId: string }) => i.dossierId === d.id)).toBe(false);

    // An hour later it fails again: listed again, and a new alert goes out.
    t.clock.advance(ALERT_EVERY_MS + 60_000);
    try {
      await admin.post(`/api/v1/sync/centers/${centerId}/retry`);
      await drain();
      expect(await alertsAbout('admin', d.id)).toHaveLength(2);
      expect((await admin.get('/api/v1/sync/dead-letters')).json().items.filter((i: { dossierId: string }) => i.dossierId === d.id)).toHaveLength(1);
    } finally {
      t.clock.advance(-(ALERT_EVERY_MS + 60_000));
    }

    // Once the cause is fixed, a retry delivers it and nothing is left to acknowledge.
    sim.setFaults({ rejectAgencies: [] });
    await admin.post(`/api/v1/sync/centers/${centerId}/retry`);
    await drain();
    expect((await admin.get('/api/v1/sync/dead-letters')).json().items).toEqual([]);
  });

  it('keeps the list and the acknowledgement to the province admin: others get 403, another province 404, a malformed id 400', async () => {
    sim.setFaults({ rejectAgencies: ['H46.01'] });
    const d = await receive('Trần Thị Chờ');
    await drain();
    const admin = await as('admin');
    const [item] = (await admin.get('/api/v1/sync/dead-letters')).json().items.filter((i: { dossierId: string }) => i.dossierId === d.id);
    expect(item).toBeDefined();

    const director = await as('phuxuan.giamdoc');
    expect((await director.get('/api/v1/sync/dead-letters')).statusCode).toBe(403);
    expect((await director.post(`/api/v1/sync/dead-letters/${item.messageId}/ack`)).statusCode).toBe(403);
    const gialai = await as('gialai.admin');
    expect((await gialai.get('/api/v1/sync/dead-letters')).json().items).toEqual([]);
    expect((await gialai.post(`/api/v1/sync/dead-letters/${item.messageId}/ack`)).statusCode).toBe(404);
    const bad = await admin.post('/api/v1/sync/dead-letters/not-a-uuid/ack');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    // None of the refusals acknowledged it.
    expect((await admin.get('/api/v1/sync/dead-letters')).json().items.some((i: { messageId: string }) => i.messageId === item.messageId)).toBe(true);

    // The director reads the alert and marks it read; no one else can mark it.
    const [notice] = ((await director.get('/api/v1/staff/notifications')).json().items as (Notice & { id: string })[]).filter((n) => n.dossierId === d.id);
    expect((await director.post(`/api/v1/staff/notifications/${notice!.id}/read`)).statusCode).toBe(204);
    expect((await alertsAbout('phuxuan.giamdoc', d.id))[0]!.read).toBe(true);
    expect((await admin.post(`/api/v1/staff/notifications/${notice!.id}/read`)).statusCode).toBe(404);
    sim.setFaults({ rejectAgencies: [] });
  });
});
