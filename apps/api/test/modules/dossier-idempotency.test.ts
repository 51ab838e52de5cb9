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

const dossiersOf = async (idNumber: string) =>
  rowsOf<{ code: string }>(await t.database.db.execute(sql`select code from dossiers where applicant->>'idNumber' = ${idNumber} order by code`)).map((r) => r.code);

describe('counter intake with an Idempotency-Key', () => {
  it('a retried intake (answer lost on the way) gets the same dossier, not a second one', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const body = { procedureCode: '1.001193', applicant: { ...applicant, idNumber: '024090000111' }, checklist, decision: 'accept' };
    const first = await officer.intake(body, { 'idempotency-key': 'a1b2c3d4-0001' });
    const retry = await officer.intake(body, { 'idempotency-key': 'a1b2c3d4-0001' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.json().code).toBe(first.json().code);
    expect(await dossiersOf('024090000111')).toEqual([first.json().code]);

    const another = await officer.intake(body, { 'idempotency-key': 'a1b2c3d4-0002' });
    expect(another.statusCode).toBe(201);
    expect(await dossiersOf('024090000111')).toHaveLength(2);
  });

  it('five copies of one intake sent at once make exactly one dossier', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const body = { procedureCode: '1.001193', applicant: { ...applicant, idNumber: '024090000222' }, checklist, decision: 'accept' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => officer.intake(body, { 'idempotency-key': 'race-key-0001' })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().code)).size).toBe(1);
    expect(await dossiersOf('024090000222')).toHaveLength(1);
  });

  it('the same key for another applicant is refused with 409 and makes nothing', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, idNumber: '024090000333' }, checklist, decision: 'accept' }, { 'idempotency-key': 'reused-key-01' });
    const other = await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, idNumber: '024090000444' }, checklist, decision: 'accept' }, { 'idempotency-key': 'reused-key-01' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('dossier.idempotency_key_reused');
    expect(await dossiersOf('024090000444')).toEqual([]);
  });

  it('a malformed key is a 400 naming the header, and nothing is received', async () => {
    const officer = await asUser(t, 'tuson.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const res = await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, idNumber: '024090000555' }, checklist, decision: 'accept' }, { 'idempotency-key': 'bad key!' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('idempotency-key');
    expect(await dossiersOf('024090000555')).toEqual([]);
  });
});
