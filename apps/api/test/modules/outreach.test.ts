import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '@motcua/contracts';
import { refreshReports } from '../../src/modules/reports/index.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import type { TestApp } from '../support/harness.ts';
import { outreachCenter, pdf, sha, type outreachSteps } from './outreach-support.ts';

let t: TestApp;
let officer: Record<string, string>;
let leaderId: string;
let officerId: string;
let steps: ReturnType<typeof outreachSteps>;

beforeAll(async () => {
  ({ t, officer, leaderId, officerId, steps } = await outreachCenter());
});
afterAll(() => t.close());

const prepare = (procedureCodes: string[], team = [officerId, leaderId]) => steps.prepare(procedureCodes, team);
const offlineDossier = (...args: Parameters<typeof steps.offlineDossier>) => steps.offlineDossier(...args);
const sync = (sessionId: string, body: object) => steps.sync(sessionId, body);
const chunk = (id: string, offset: number, bytes: Buffer) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/outreach/uploads/${id}`, headers: { ...officer, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, payload: bytes });
const dossierCount = () => steps.dossierCount();

describe('mobile outreach', () => {
  it('the pack carries the versions in force and provisional deadlines per hour of the session day', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    const pack = await prepare(['1.000689', '1.001193']);
    expect(pack.session).toMatchObject({ place: 'Thôn Khe Tre', date: '2026-11-23', procedureCodes: ['1.000689', '1.001193'] });
    expect(pack.session.team.map((m) => m.role).sort()).toEqual(['counter_officer', 'leader']);
    expect(pack.procedures.map((p) => p.code)).toEqual(['1.000689', '1.001193']);
    expect(pack.procedures[0]!.documents.length).toBeGreaterThan(0);
    // 3 working days from the start of Monday end on Wednesday evening, from 09:00 on Thursday at 09:00;
    // birth registration is due the same day before the 15:00 cut-off and the next working day after it.
    expect(pack.provisionalDueAt['1.000689']![8]).toBe('2026-11-25T17:00:00+07:00');
    expect(pack.provisionalDueAt['1.000689']![9]).toBe('2026-11-26T09:00:00+07:00');
    expect(pack.provisionalDueAt['1.001193']![9]).toMatch(/^2026-11-23T/);
    expect(pack.provisionalDueAt['1.001193']![16]).toMatch(/^2026-11-24T/);
  });

  it('refuses a team member from another center and a procedure not in force', async () => {
    const ayun = (await t.app.inject({ url: '/api/v1/outreach/team-candidates', headers: { authorization: `Bearer ${await t.login('ayun.motcua')}` } })).json().items[0].id;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/outreach/sessions', headers: officer, payload: { place: 'Thôn A', date: '2026-11-23', teamUserIds: [ayun], procedureCodes: ['9.999999'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['procedureCodes', 'teamUserIds']);
  });

  it('three offline dossiers get official codes with the clock started at the recorded receipt time; a repeated sync creates no duplicate', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    const pack = await prepare(['1.000689']);
    const before = await dossierCount();
    const offline = [
      await offlineDossier(pack, '1.000689', 1, '2026-11-23T08:00:00+07:00'),
      await offlineDossier(pack, '1.000689', 2, '2026-11-23T08:30:00+07:00'),
      await offlineDossier(pack, '1.000689', 3, '2026-11-23T10:15:00+07:00'),
    ];
    t.clock.set('2026-11-23T10:00:00Z'); // back at the center at 17:00
    const first = await Promise.all(offline.map((d) => sync(pack.session.id, d)));
    expect(first.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const results = first.map((r) => r.json());
    expect(results.map((r) => r.state)).toEqual(['synced', 'synced', 'synced']);
    expect(new Set(results.map((r) => r.dossier.code)).size).toBe(3);
    // Counted from the receipt in the village, not from the sync at 17:00.
    expect(results.map((r) => [r.dossier.receivedAt, r.dossier.dueAt])).toEqual([
      ['2026-11-23T08:00:00+07:00', '2026-11-25T17:00:00+07:00'],
      ['2026-11-23T08:30:00+07:00', '2026-11-26T08:30:00+07:00'],
      ['2026-11-23T10:15:00+07:00', '2026-11-26T10:15:00+07:00'],
    ]);
    const view = (await t.app.inject({ url: `/api/v1/dossiers/${results[0].dossier.id}`, headers: officer })).json();
    expect(view).toMatchObject({ code: results[0].dossier.code, channel: 'outreach' });

    const again = await Promise.all(offline.map((d) => sync(pack.session.id, d)));
    expect(again.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(again.map((r) => r.json().dossier.id)).toEqual(results.map((r) => r.dossier.id));
    expect(await dossierCount()).toBe(before + 3);

    // The same key for another dossier is refused, not merged.
    expect((await sync(pack.session.id, { ...offline[0]!, localNumber: 'LD-99' })).statusCode).toBe(409);
  });

  it('an upload cut off in the middle resumes from the offset the server has, and the SHA-256 is verified', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    const pack = await prepare(['1.000689']);
    const d = await offlineDossier(pack, '1.000689', 1, '2026-11-23T09:00:00+07:00');
    t.clock.set('2026-11-23T10:00:00Z');
    const upload = (await sync(pack.session.id, d)).json().uploads[0];
    expect(upload).toMatchObject({ received: 0, status: 'uploading', size: pdf.length, sha256: sha(pdf) });

    expect((await chunk(upload.id, 0, pdf.subarray(0, 2000))).json().received).toBe(2000);
    // The connection dropped: the device does not know whether its second chunk arrived.
    const wrong = await chunk(upload.id, 4000, pdf.subarray(4000));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().received).toBe(2000);
    const status = (await t.app.inject({ url: `/api/v1/outreach/uploads/${upload.id}`, headers: officer })).json();
    expect(status.received).toBe(2000);
    const done = await chunk(upload.id, status.received, pdf.subarray(status.received));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'complete', received: pdf.length });

    const [stored] = (await t.app.inject({ url: `/api/v1/dossiers/${(await sync(pack.session.id, d)).json().dossier.id}/files`, headers: officer })).json();
    expect(stored).toMatchObject({ itemId: d.files[0]!.itemId, sha256: sha(pdf), size: pdf.length });

    // Bytes that differ from what the device hashed are discarded, and the device starts again.
    const other = await offlineDossier(pack, '1.000689', 2, '2026-11-23T09:10:00+07:00');
    const u2 = (await sync(pack.session.id, other)).json().uploads[0];
    await chunk(u2.id, 0, pdf.subarray(0, 3000));
    const corrupt = Buffer.from(pdf.subarray(3000));
    corrupt[10] = 0x41;
    const bad = await chunk(u2.id, 3000, corrupt);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('outreach.hash_mismatch');
    expect((await t.app.inject({ url: `/api/v1/outreach/uploads/${u2.id}`, headers: officer })).json()).toMatchObject({ received: 0, status: 'uploading' });
    expect((await chunk(u2.id, 0, pdf)).json().status).toBe('complete');
  });

  it('a same-day procedure approved by the team leader is finished and handed over on the spot and counted in the session report', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    const pack = await prepare(['1.001193', '1.000689']);
    const onSpot = await offlineDossier(pack, '1.001193', 1, '2026-11-23T08:10:00+07:00', { onSpot: { leaderId, approvedAt: '2026-11-23T08:40:00+07:00' } });
    const takenBack = await offlineDossier(pack, '1.000689', 2, '2026-11-23T08:20:00+07:00');
    const notLeader = await offlineDossier(pack, '1.001193', 3, '2026-11-23T08:30:00+07:00', { onSpot: { leaderId: officerId, approvedAt: '2026-11-23T08:40:00+07:00' } });
    t.clock.set('2026-11-23T10:00:00Z');
    const finished = await sync(pack.session.id, onSpot);
    expect(finished.statusCode, finished.body).toBe(201);
    expect(finished.json().dossier.status).toBe('returned');
    const timeline = (await t.app.inject({ url: `/api/v1/dossiers/${finished.json().dossier.id}/timeline`, headers: officer })).json();
    expect(timeline.chainIntact).toBe(true);
    expect(timeline.events.find((e: { action: string }) => e.action === 'approve')).toMatchObject({ at: '2026-11-23T08:40:00+07:00' });
    expect((await sync(pack.session.id, takenBack)).json().dossier.status).toBe('processing');
    // Reporting counts it as an outreach dossier settled the day it was received.
    await refreshReports(t.ctx);
    const facts = rowsOf<{ outreach: boolean; received_day: string; handled_day: string | null }>(
      await t.ctx.db.execute(sql`select outreach, received_day::text, handled_day::text from report_dossier_facts where dossier_id = ${finished.json().dossier.id}`),
    );
    expect(facts).toEqual([{ outreach: true, received_day: '2026-11-23', handled_day: '2026-11-23' }]);
    const refused = await sync(pack.session.id, notLeader);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('outreach.invalid_on_spot');

    const report = (await t.app.inject({ url: `/api/v1/outreach/sessions/${pack.session.id}/report`, headers: officer })).json();
    expect(report.totals).toEqual({ received: 2, finishedOnSpot: 1, takenBack: 1, notAccepted: 0, conflicts: 0, onSpotRate: 0.5 });
    expect(report.byProcedure.map((p: { procedureCode: string; finishedOnSpot: number; takenBack: number }) => [p.procedureCode, p.finishedOnSpot, p.takenBack])).toEqual([
      ['1.000689', 0, 1],
      ['1.001193', 1, 0],
    ]);
  });

  it('a dossier whose procedure version changed while offline is flagged to the officer, kept, and received after review', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    const pack = await prepare(['1.000689']);
    const d = await offlineDossier(pack, '1.000689', 1, '2026-11-23T09:00:00+07:00');
    // While the team is in the village the province publishes version 2 with one more document.
    t.clock.set('2026-11-23T00:00:00Z');
    const admin = { authorization: `Bearer ${await t.login('admin')}` };
    const v1 = (await t.app.inject({ url: '/api/v1/procedures/1.000689' })).json() as ProcedureDetail;
    const { id: _i, code: _c, version: _v, effectiveFrom: _e, publishedAt: _p, source: _s, changeNote: _n, retiredAt: _r, openFlags: _f, ...content } = v1;
    const extra = { ...v1.documents[0]!, id: 'd98', name: 'Giấy xác nhận của trưởng thôn', requirement: 'mandatory' as const };
    const published = await t.app.inject({ method: 'POST', url: '/api/v1/procedures/1.000689/versions', headers: admin, payload: { content: { ...content, documents: [...v1.documents, extra] }, changeNote: 'Thêm giấy xác nhận', baseVersionId: v1.id } });
    expect(published.statusCode, published.body).toBe(201);

    t.clock.set('2026-11-23T10:00:00Z');
    const before = await dossierCount();
    const flagged = await sync(pack.session.id, d);
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json()).toMatchObject({ state: 'conflict', dossier: null, conflict: { code: 'procedure_version_changed', cachedVersion: 1, currentVersion: 2, currentVersionId: published.json().id } });
    expect(flagged.json().conflict.changes).toContain('document added: Giấy xác nhận của trưởng thôn');
    // Field by field for the officer's screen, which words it in the officer's language.
    expect(flagged.json().conflict.differences).toEqual([{ field: 'document', kind: 'added', before: null, after: { name: 'Giấy xác nhận của trưởng thôn', requirement: 'mandatory' } }]);
    // Syncing again does not lose it or receive it silently.
    expect((await sync(pack.session.id, d)).json().state).toBe('conflict');
    expect((await t.app.inject({ url: `/api/v1/outreach/sessions/${pack.session.id}/report`, headers: officer })).json().totals.conflicts).toBe(1);
    expect(await dossierCount()).toBe(before);

    // The officer checks the new document with the applicant and syncs against version 2.
    const reviewed = { ...d, procedureVersionId: published.json().id, checklist: [...d.checklist, { itemId: 'd98', provided: true }] };
    const ok = await sync(pack.session.id, reviewed);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ state: 'synced', conflict: null, dossier: { receivedAt: '2026-11-23T09:00:00+07:00' } });
    expect(await dossierCount()).toBe(before + 1);
  });
});
