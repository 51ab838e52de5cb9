import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/modules/dossier/dossier.tables.ts';
import { outboxHandlers } from '../../src/modules.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startAgencySimulator, type AgencySimulator } from '../../src/simulators/agencies.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
let sim: AgencySimulator;
let worker: OutboxWorker;

beforeAll(async () => {
  sim = await startAgencySimulator({ secret: 'motcua-dev-agency-secret', decisionDelayMs: 0 });
  t = await startTestApp({ now: '2026-11-23T02:00:00Z', env: { MOTCUA_AGENCY_URL: sim.url } });
  // The agencies call back over real HTTP, so this app listens.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  t.ctx.config.publicOrigin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), backoffBaseMs: 1000 });
  for (const [topic, handler] of Object.entries(outboxHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await sim.close();
  await t.close();
});

const partsOf = (parentId: string) => t.database.db.select().from(dossiers).where(eq(dossiers.parentId, parentId));

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 5 s');
}

describe('interconnected bundle: birth registration + permanent residence + health insurance card', () => {
  it('one intake spawns three parts; a refused part does not sink the others; the citizen sees one outcome', async () => {
    sim.setDecision('police', 'refuse');
    sim.setFault('social_insurance', 'http500');
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '2.000986');
    const res = await officer.intake({ procedureCode: '2.000986', applicant: { ...applicant, fullName: 'Lê Thị Bé', dateOfBirth: '1998-01-02', sex: 'female', idNumber: '046198123456' }, checklist, decision: 'accept' });
    expect(res.statusCode, res.body).toBe(201);
    const parent = res.json();
    expect(parent).toMatchObject({ bundleRole: 'parent', status: 'processing' });

    const parts = await partsOf(parent.id);
    expect(parts.map((p) => [p.code, p.procedureCode, p.externalAgency]).sort()).toEqual([
      [`${parent.code}.1`, '1.001193', null],
      [`${parent.code}.2`, '1.004222', 'police'],
      [`${parent.code}.3`, '1.001939', 'social_insurance'],
    ]);
    expect(new Set(parts.map((p) => p.dueAt?.toISOString()))).toEqual(new Set([new Date(parent.dueAt).toISOString()]));

    // The parent coordinates only: work happens on the parts.
    const leader = await asUser(t, 'phuxuan.lanhdao');
    expect((await leader.act(parent.id, { action: 'reassign' })).json().code).toBe('dossier.bundle_parent');

    // Social insurance is down at first: the outbox keeps the submission and retries with backoff.
    await worker.runOnce();
    expect(sim.received.map((r) => r.agency)).toEqual(['police']);
    sim.setFault('social_insurance', 'none');
    t.clock.advance(1000);
    await worker.runOnce();
    expect(sim.received.map((r) => r.agency).sort()).toEqual(['police', 'social_insurance']);

    await until(async () => (await partsOf(parent.id)).filter((p) => p.externalAgency).every((p) => p.status !== 'processing'));
    const afterAgencies = await partsOf(parent.id);
    expect(afterAgencies.find((p) => p.externalAgency === 'police')?.status).toBe('stopped');
    expect(afterAgencies.find((p) => p.externalAgency === 'social_insurance')?.status).toBe('finished');
    expect((await officer.get(`/api/v1/dossiers/${parent.id}`)).json().status).toBe('processing');

    // The civil-status part is decided here, by the usual steps.
    const civil = afterAgencies.find((p) => p.externalAgency === null)!;
    const specialist = await asUser(t, 'phuxuan.chuyenvien');
    for (const [who, action] of [[specialist, 'start_review'], [specialist, 'submit_for_approval'], [leader, 'approve'], [specialist, 'finish']] as const) {
      const r = await who.act(civil.id, { action });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    }
    const settled = (await officer.get(`/api/v1/dossiers/${parent.id}`)).json();
    expect(settled).toMatchObject({ status: 'finished', statusCode: 9 });
    const timeline = (await officer.get(`/api/v1/dossiers/${parent.id}/timeline`)).json();
    expect(timeline.events.at(-1).data.parts.map((p: { status: string }) => p.status).sort()).toEqual(['finished', 'finished', 'stopped']);
  });

  it('a repeated agency callback changes nothing; a wrong secret is refused', async () => {
    const [child] = (await t.database.db.select().from(dossiers).where(eq(dossiers.externalAgency, 'social_insurance')));
    const url = `/api/v1/interconnect/agencies/social_insurance/callbacks`;
    const again = await t.app.inject({ method: 'POST', url, headers: { 'x-motcua-agency-secret': 'motcua-dev-agency-secret' }, payload: { code: child!.code, outcome: 'refused' } });
    expect(again.json()).toEqual({ status: 'finished', changed: false });
    const forged = await t.app.inject({ method: 'POST', url, headers: { 'x-motcua-agency-secret': 'guess-guess-guess' }, payload: { code: child!.code, outcome: 'refused' } });
    expect(forged.statusCode).toBe(401);
  });
});
