import http from 'node:http';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncHandlers, webhookSignature } from '../../src/modules/sync/index.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startPortalSimulator, type PortalSimulator } from '../../src/simulators/portal.ts';
import { startSectorSimulator, type SectorSimulator } from '../../src/simulators/sector.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

// An integrator's endpoint: fails the first two deliveries, then accepts, and keeps what it got.
type Got = { body: string; signature: string; timestamp: string; eventId: string };
const got: Got[] = [];
let failFirst = 2;
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (failFirst-- > 0) return void res.writeHead(503).end();
    got.push({ body: Buffer.concat(chunks).toString(), signature: String(req.headers['x-motcua-signature']), timestamp: String(req.headers['x-motcua-timestamp']), eventId: String(req.headers['x-motcua-event-id']) });
    res.writeHead(204).end();
  });
});

let portal: PortalSimulator;
let civil: SectorSimulator;
let business: SectorSimulator;
let t: TestApp;
let worker: OutboxWorker;
beforeAll(async () => {
  portal = await startPortalSimulator();
  civil = await startSectorSimulator({ system: 'civil_status' });
  business = await startSectorSimulator({ system: 'household_business' });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  t = await startTestApp({ env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_CIVIL_STATUS_URL: civil.url, MOTCUA_BUSINESS_REG_URL: business.url } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), batchSize: 100, backoffBaseMs: 0, backoffCapMs: 0 });
  for (const [topic, handler] of Object.entries(syncHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await t.close();
  await Promise.all([portal.close(), civil.close(), business.close()]);
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});
const drain = async () => {
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
};

describe('sector systems and webhooks', () => {
  it('a birth registration finished at the center reaches the civil-status database once, and signed events reach the integrator in order', async () => {
    const adminToken = await t.login('admin');
    const port = (receiver.address() as { port: number }).port;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/sync/webhooks', headers: { authorization: `Bearer ${adminToken}` }, payload: { url: `http://127.0.0.1:${port}/hooks`, description: 'Tích hợp thử' } });
    expect(created.statusCode).toBe(201);
    const { secret } = created.json() as { secret: string };
    expect(secret.length).toBeGreaterThan(30);

    const officer = await asUser(t, 'phuxuan.motcua');
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json() as { id: string; code: string };
    for (const [who, action] of [[specialist, 'start_review'], [specialist, 'submit_for_approval']] as const) {
      const res = await who.act(d.id, { action });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    // The leader signs: approval and the signed e-result {code}-KQ1 in one transaction.
    const leaderToken = await t.login('phuxuan.lanhdao');
    const signed = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/sign`, headers: { authorization: `Bearer ${leaderToken}` }, payload: {} });
    expect(signed.statusCode, signed.body).toBe(200);
    const finished = await specialist.act(d.id, { action: 'finish' });
    expect(finished.statusCode, finished.body).toBe(200);
    await drain();
    // Retried webhook deliveries and a second pass change nothing at the sector system.
    await drain();

    const records = civil.records();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ dossierCode: d.code, procedureCode: '1.001193', subject: applicant.fullName, resultCodes: [`${d.code}-KQ1`] });
    expect(business.records()).toHaveLength(0);
    expect(portal.records().find((r) => r.MaHoSo === d.code)).toMatchObject({ TrangThaiHoSo: 9, DanhSachGiayToKetQua: [expect.objectContaining({ MaKetQua: `${d.code}-KQ1` })] });

    // Six events (receive, assign, start_review, submit, approve, finish), each once, in order, each signed.
    const events = got.map((g) => JSON.parse(g.body) as { seq: number; type: string; dossierCode: string });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.at(-1)).toMatchObject({ type: 'dossier.finish', dossierCode: d.code, status: 'finished' });
    for (const g of got) expect(g.signature).toBe(webhookSignature(secret, g.timestamp, g.body));

    const acks = rowsOf<{ target: string; n: number }>(await t.ctx.db.execute(sql`select target, count(*)::int as n from sync_acks group by target order by target`));
    expect(acks).toEqual([
      { target: 'civil_status', n: 1 },
      { target: 'portal', n: 6 },
      { target: 'webhook', n: 6 },
    ]);
  });
});
