import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncHandlers } from '../../src/modules/sync/index.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startPortalSimulator, type PortalSimulator } from '../../src/simulators/portal.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { citizenOf } from './payments-support.ts';

let sim: PortalSimulator;
let t: TestApp;
let worker: OutboxWorker;
beforeAll(async () => {
  sim = await startPortalSimulator();
  t = await startTestApp({ env: { MOTCUA_PORTAL_URL: sim.url } });
  // The clock stands still: a failed delivery (a topic this test does not serve) waits, so drain() ends.
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), batchSize: 100, backoffBaseMs: 60_000, backoffCapMs: 60_000 });
  for (const [topic, handler] of Object.entries(syncHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await t.close();
  await sim.close();
});

const drain = async () => {
  while ((await worker.runOnce()) > 0);
};

/** A birth registration taken from the counter to the hand-over of its result (status 10). */
async function returnedDossier(phone: string): Promise<{ id: string; code: string }> {
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const leader = await asUser(t, 'phuxuan.lanhdao');
  const { checklist } = await completeChecklist(t, '1.001193');
  const d = (await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, phone }, checklist, decision: 'accept' })).json() as { id: string; code: string };
  const steps: [typeof officer, string][] = [[specialist, 'start_review'], [specialist, 'submit_for_approval'], [leader, 'approve'], [specialist, 'finish'], [officer, 'return_result']];
  for (const [who, action] of steps) {
    const res = await who.act(d.id, { action });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  }
  return d;
}

const rate = (body: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/feedback/ratings', payload: body, headers });
const portalMessages = async (dossierId: string) =>
  rowsOf<{ idempotency_key: string; action: string }>(await t.ctx.db.execute(sql`select idempotency_key, payload->>'action' as action from outbox_messages where topic = 'portal.sync' and ordering_key = ${dossierId} order by created_at, id`));

describe('a citizen’s rating reaches the National Public Service Portal', () => {
  it('the rating is a change of the dossier: on its timeline, in the outbox with it, and on the portal as DanhGia', async () => {
    const d = await returnedDossier('0905700001');
    await drain();
    const before = sim.records().find((r) => r.MaHoSo === d.code)!;
    expect(before).toMatchObject({ TrangThaiHoSo: 10, DanhGia: null });

    const owner = await citizenOf(t, d.id);
    const res = await rate({ dossierCode: d.code, overall: 'very_satisfied', criteria: { time: 'satisfied' }, comment: 'Nhanh gọn.' }, owner);
    expect(res.statusCode, res.body).toBe(201);
    // Written with the rating, in its transaction: the next change of the dossier.
    const msgs = await portalMessages(d.id);
    expect(msgs.at(-1)).toEqual({ idempotency_key: `${d.id}:${msgs.length}`, action: 'rating' });
    const [last] = rowsOf<{ action: string; actor_role: string; to_state: string }>(await t.ctx.db.execute(sql`select action, actor_role, to_state from dossier_events where dossier_id = ${d.id} order by seq desc limit 1`));
    expect(last).toEqual({ action: 'rating', actor_role: 'citizen', to_state: 'returned' });

    await drain();
    const after = sim.records().find((r) => r.MaHoSo === d.code)!;
    expect(after).toMatchObject({ TrangThaiHoSo: 10, DanhGia: 'Rất hài lòng', PhienBan: before.PhienBan + 1 });
    expect(sim.history(d.code).at(-1)).toMatchObject({ kind: 'DanhGia', version: before.PhienBan + 1 });

    // Reconciliation finds nothing to correct: the portal holds what we hold.
    const token = await t.login('admin');
    const rec = await t.app.inject({ method: 'POST', url: '/api/v1/sync/reconciliations', headers: { authorization: `Bearer ${token}` }, payload: { from: '2026-11-22T00:00:00+07:00', to: '2026-11-25T00:00:00+07:00' } });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().differences.filter((x: { code: string }) => x.code === d.code)).toEqual([]);
  });

  it('a kiosk rating is synced too; a refused second rating sends nothing', async () => {
    const d = await returnedDossier('0905700002');
    await drain();
    const first = await rate({ dossierCode: d.code, overall: 'dissatisfied', secondFactor: '0002' });
    expect(first.statusCode, first.body).toBe(201);
    const count = (await portalMessages(d.id)).length;
    const second = await rate({ dossierCode: d.code, overall: 'very_satisfied', secondFactor: '0002' });
    expect(second.statusCode).toBe(409);
    expect(await portalMessages(d.id)).toHaveLength(count);
    await drain();
    expect(sim.records().find((r) => r.MaHoSo === d.code)).toMatchObject({ DanhGia: 'Không hài lòng' });
  });
});
