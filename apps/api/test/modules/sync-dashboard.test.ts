import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSyncOf, syncHandlers } from '../../src/modules/sync/index.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startPortalSimulator, type PortalSimulator } from '../../src/simulators/portal.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let sim: PortalSimulator;
let t: TestApp;
let worker: OutboxWorker;
let admin: Client;
beforeAll(async () => {
  sim = await startPortalSimulator();
  t = await startTestApp({ env: { MOTCUA_PORTAL_URL: sim.url } });
  // The test's clock stands still: retries are due at once (a zero backoff), so each runOnce is one attempt.
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), batchSize: 100, backoffBaseMs: 0, backoffCapMs: 0 });
  for (const [topic, handler] of Object.entries(syncHandlers(t.ctx))) worker.register(topic, handler);
  admin = await as('admin');
});
afterAll(async () => {
  await t.close();
  await sim.close();
});

const drain = async () => {
  while ((await worker.runOnce()) > 0);
};
type Reply = { statusCode: number; body: string; json(): any }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Client = { get(url: string): Promise<Reply>; post(url: string, payload?: object): Promise<Reply> };
async function as(username: string): Promise<Client> {
  const headers = { authorization: `Bearer ${await t.login(username)}` };
  return {
    get: (url) => t.app.inject({ url, headers }) as never,
    post: (url, payload) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) }) as never,
  };
}
const post = (who: Client, url: string, payload?: object) => who.post(url, payload);

async function receive(name: string): Promise<{ id: string; code: string }> {
  const officer = await asUser(t, 'phuxuan.motcua');
  const { checklist } = await completeChecklist(t, '1.001193');
  const res = await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, fullName: name }, checklist, decision: 'accept' });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; code: string };
}

const phuXuan = async () => (await admin.get('/api/v1/sync/dashboard')).json().centers.find((c: { agencyCode: string }) => c.agencyCode === 'H46.01');

describe('portal sync: what a change writes', () => {
  it('a change and its portal message commit together; a refused action writes neither', async () => {
    const d = await receive('Lê Thị Một');
    const keys = rowsOf<{ idempotency_key: string }>(await t.ctx.db.execute(sql`select idempotency_key from outbox_messages where topic = 'portal.sync' and ordering_key = ${d.id} order by created_at, id`));
    // Received, then assigned to a specialist automatically: two events, two messages.
    expect(keys.map((k) => k.idempotency_key)).toEqual([`${d.id}:1`, `${d.id}:2`]);
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    // Acting on an outdated version is refused (409): no event, no message.
    const refused = await specialist.act(d.id, { action: 'start_review', expectedVersion: 99 });
    expect(refused.statusCode).toBe(409);
    const after = rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select count(*)::int as n from outbox_messages where ordering_key = ${d.id}`))[0]!.n;
    expect(after).toBe(2);
    await drain();
    expect(sim.records().find((r) => r.MaHoSo === d.code)).toMatchObject({ TrangThaiHoSo: 4, KenhThucHien: 1, MucDoDVC: 1, MaDonVi: 'H46.01', PhienBan: 2, ChuHoSo: 'Lê Thị Một' });
    expect(await portalSyncOf(t.ctx.db, [d.id])).toEqual([expect.objectContaining({ dossierId: d.id, synced: true, latestSeq: 2, lastAckedSeq: 2 })]);
  });
});

describe('sync dashboard', () => {
  it('shows a center the portal refuses with the portal error; retry after the cause is fixed clears it', async () => {
    sim.setFaults({ rejectAgencies: ['H46.01'] });
    const d = await receive('Lê Thị Hai');
    await drain();
    let row = await phuXuan();
    expect(row).toMatchObject({ dead: 1, lastError: expect.stringContaining('MaDonVi H46.01: đơn vị chưa được cấp quyền đồng bộ') });
    // The second change waits behind the first: the order per dossier holds.
    expect(row.backlog).toBe(1);
    const failures = (await admin.get(`/api/v1/sync/centers/${row.centerId}/failures`)).json().items;
    expect(failures).toEqual([expect.objectContaining({ dossierCode: d.code, status: 'dead', attempts: 1 })]);
    expect((await portalSyncOf(t.ctx.db, [d.id]))[0]!.synced).toBe(false);

    sim.setFaults({ rejectAgencies: [] });
    const retried = await post(admin, `/api/v1/sync/centers/${row.centerId}/retry`);
    expect(retried.json()).toEqual({ requeued: 1 });
    await drain();
    row = await phuXuan();
    expect(row).toMatchObject({ dead: 0, retrying: 0, backlog: 0 });
    expect(row.lagP50Ms).not.toBeNull();
    expect((await portalSyncOf(t.ctx.db, [d.id]))[0]!.synced).toBe(true);
  });

  it('is the province administrator’s: other roles get 403, another province’s center 404', async () => {
    const director = await as('phuxuan.giamdoc');
    expect((await director.get('/api/v1/sync/dashboard')).statusCode).toBe(403);
    const gialai = await as('gialai.admin');
    const hue = await phuXuan();
    expect((await post(gialai, `/api/v1/sync/centers/${hue.centerId}/retry`)).statusCode).toBe(404);
    expect((await gialai.get(`/api/v1/sync/centers/${hue.centerId}/failures`)).statusCode).toBe(404);
  });
});

describe('reconciliation', () => {
  it('lists a change not yet on the portal, and is clean once it is delivered; resync sends the period again', async () => {
    const d = await receive('Lê Thị Ba');
    const period = { from: '2026-11-23T00:00:00+07:00', to: '2026-11-24T00:00:00+07:00' };
    const before = await post(admin, '/api/v1/sync/reconciliations', period);
    expect(before.statusCode).toBe(201);
    expect(before.json().differences).toEqual([expect.objectContaining({ code: d.code, kind: 'missing' })]);
    await drain();
    const after = (await post(admin, '/api/v1/sync/reconciliations', period)).json();
    expect(after.differences).toEqual([]);
    expect(after.checked).toBeGreaterThanOrEqual(3);
    expect((await admin.get('/api/v1/sync/reconciliations')).json().items).toHaveLength(2);

    const resync = await post(admin, '/api/v1/sync/resync', period);
    expect(resync.statusCode).toBe(202);
    expect(resync.json().enqueued).toBe(after.checked);
    await drain();
    expect(sim.history(d.code).at(-1)).toMatchObject({ kind: 'DongBoLai', version: 2 });
    expect(sim.history(d.code).filter((h) => h.kind !== 'DongBoLai')).toHaveLength(2);
  });

  it('refuses a period that ends before it starts, and writes nothing', async () => {
    const res = await post(admin, '/api/v1/sync/reconciliations', { from: '2026-11-24T00:00:00+07:00', to: '2026-11-23T00:00:00+07:00' });
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/v1/sync/reconciliations')).json().items).toHaveLength(2);
  });
});

describe('metrics', () => {
  it('exposes the lag histogram, the backlog gauge and the failure counters', async () => {
    const text = (await t.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/motcua_sync_lag_seconds_bucket\{target="portal",le="\+Inf"\} [1-9]/);
    expect(text).toMatch(/motcua_sync_lag_seconds_count\{target="portal"\} [1-9]/);
    expect(text).toContain('motcua_sync_backlog{target="portal"} 0');
    // One change refused by the portal: one failed attempt, one dead letter (then retried and delivered).
    expect(text.split('\n').filter((l) => l.startsWith('motcua_sync_failures_total{target="portal"}') || l.startsWith('motcua_sync_dead_lettered_total{target="portal"}'))).toEqual([
      'motcua_sync_failures_total{target="portal"} 1',
      'motcua_sync_dead_lettered_total{target="portal"} 1',
    ]);
  });
});
