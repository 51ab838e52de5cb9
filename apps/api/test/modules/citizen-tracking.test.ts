import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDossierBySecondFactor, TRACKING_MAX_FAILURES, trackingSecretOf } from '../../src/modules/dossier/index.ts';
import { TRACK_RATE_LIMIT } from '../../src/modules/citizen/track.routes.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist, receivedBirthRegistration } from '../support/dossier-fixtures.ts';

let t: TestApp;
let code: string;
let dossierId: string;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
  ({ code, id: dossierId } = await receivedBirthRegistration(t));
});
afterAll(() => t.close());

const lookup = (body: object, ip = '10.0.0.1') => t.app.inject({ method: 'POST', url: '/api/v1/track', payload: body, remoteAddress: ip });

describe('public tracking by code and second factor', () => {
  it('shows status, deadline, timeline and next step with the last 4 digits of the phone', async () => {
    const res = await lookup({ code, factor: '3456' });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.code).toBe(code);
    expect(v.status).toBe('processing');
    expect(v.dueAt).toBe('2026-11-23T17:00:00+07:00');
    expect(v.nextStep).toBe('wait_processing');
    expect(v.timeline.map((e: { action: string }) => e.action)).toEqual(['receive']);
    expect(JSON.stringify(v)).not.toContain(applicant.idNumber);
  });

  it('accepts the secret printed on Form 01, typed in lower case with a space', async () => {
    const secret = await trackingSecretOf(t.ctx, dossierId);
    expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const typed = `${secret.slice(0, 4).toLowerCase()} ${secret.slice(4)}`;
    expect((await lookup({ code, factor: typed })).statusCode).toBe(200);
  });

  it('gives the same answer for a wrong second factor and an unknown code', async () => {
    const wrong = await lookup({ code, factor: '0000' }, '10.0.0.2');
    const unknown = await lookup({ code: 'H46.01-261123-9999', factor: '3456' }, '10.0.0.2');
    const wrongSecret = await lookup({ code, factor: 'ABCDEFGH' }, '10.0.0.2');
    for (const r of [wrong, unknown, wrongSecret]) expect(r.statusCode).toBe(404);
    const strip = (b: string) => {
      const { instance: _i, requestId: _r, ...rest } = JSON.parse(b);
      return rest;
    };
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(strip(wrongSecret.body)).toEqual(strip(unknown.body));
    expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('locks a code after repeated failures from many addresses, even for the right factor, and unknown codes alike', async () => {
    const target = `${code.slice(0, -4)}0002`;
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist } = await completeChecklist(t, '1.001193');
    const second = (await officer.intake({ procedureCode: '1.001193', applicant: { ...applicant, phone: '0912000777' }, checklist, decision: 'accept' })).json();
    expect(second.code).toBe(target);
    for (let i = 0; i < TRACKING_MAX_FAILURES; i++) expect((await lookup({ code: target, factor: String(1000 + i) }, `10.1.0.${i}`)).statusCode).toBe(404);
    expect((await lookup({ code: target, factor: '0777' }, '10.2.0.1')).statusCode).toBe(404);
    expect(await findDossierBySecondFactor(t.ctx, target, '0777')).toBeNull();
    t.clock.advance(61 * 60_000);
    expect((await findDossierBySecondFactor(t.ctx, target, '0777'))?.id).toBe(second.id);
  });

  it('rate-limits one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < TRACK_RATE_LIMIT + 2; i++) statuses.push((await lookup({ code: 'X', factor: '1234' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, TRACK_RATE_LIMIT).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the secret on Form 01', () => {
  it('is printed on the receipt the counter hands over, and opens the tracking', async () => {
    const { pdfText } = await import('./forms-support.ts');
    const token = await t.login('phuxuan.motcua');
    const res = await t.app.inject({ url: `/api/v1/dossiers/${dossierId}/forms/01.pdf`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(new Uint8Array(res.rawPayload))).join('\n');
    const secret = await trackingSecretOf(t.ctx, dossierId);
    expect(text).toContain(`Mã tra cứu bí mật: ${secret}`);
    t.clock.advance(2 * 60 * 60_000);
    expect((await lookup({ code, factor: secret }, '10.3.0.1')).statusCode).toBe(200);
  });
});
