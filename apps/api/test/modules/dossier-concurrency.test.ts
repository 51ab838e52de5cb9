import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db/client.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-24T02:00:00Z' });
});
afterAll(() => t.close());

describe('concurrency', () => {
  it('50 concurrent intakes get 50 distinct, gap-free codes', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const codes = results.map((r) => r.json().code as string).sort();
    expect(codes).toEqual(Array.from({ length: 50 }, (_, i) => `H24.01-261124-${String(i + 1).padStart(4, '0')}`));
  });

  it('two officers acting on the same dossier at once: exactly one wins, the other gets 409 with the current state', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const a = await asUser(t, 'tuson.chuyenvien');
    const b = await asUser(t, 'tuson.lanhdao');
    const [r1, r2] = await Promise.all([a.act(d.id, { action: 'start_review' }), b.act(d.id, { action: 'start_review' })]);
    const statuses = [r1.statusCode, r2.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().code).toMatch(/^dossier\.(stale|illegal_action)$/);
    expect(loser.json().currentStatusCode).toBe(4);
    const events = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from dossier_events where dossier_id = ${d.id}`));
    expect(events[0]?.n).toBe(3);
  });

  it('a stale screen (old version) is refused with 409 and changes nothing', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const specialist = await asUser(t, 'tuson.chuyenvien');
    expect((await specialist.act(d.id, { action: 'start_review', expectedVersion: d.version })).statusCode).toBe(200);
    const stale = await specialist.act(d.id, { action: 'submit_for_approval', expectedVersion: d.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'dossier.stale', currentStatus: 'processing', currentStep: 'in_review' });
  });

  it('an action the state does not allow is a 409 naming the current status; a wrong role is 403', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const leader = await asUser(t, 'tuson.lanhdao');
    const early = await leader.act(d.id, { action: 'approve' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'dossier.illegal_action', currentStatus: 'processing', currentStatusCode: 4, currentStep: 'assigned' });
    const wrongRole = await officer.act(d.id, { action: 'start_review' });
    expect(wrongRole.statusCode).toBe(403);
  });
});
