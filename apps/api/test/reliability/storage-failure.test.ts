import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStorage, storageFailure } from '../../src/platform/storage/storage.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-broken-storage-'));
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(broken, { recursive: true, force: true });
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('file storage failing during an upload', () => {
  it('answers a clear 503 problem, records no file and no timeline entry, and the same upload works once storage is back', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist, documents } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const token = await t.login('phuxuan.motcua');
    const upload = () =>
      t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/files?itemId=${documents[0]!.id}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' }, payload: pdf });
    const eventsBefore = (await officer.get(`/api/v1/dossiers/${d.id}/timeline`)).json().events.length;

    // A real failure of the volume: the storage root is a regular file, so no directory can be made.
    const working = t.ctx.storage;
    fs.writeFileSync(path.join(broken, 'files'), 'not a directory');
    t.ctx.storage = localStorage(path.join(broken, 'files'));
    const failed = await upload();
    expect(failed.statusCode).toBe(503);
    expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(failed.json()).toMatchObject({ status: 503, code: 'storage.unavailable', detail: expect.stringMatching(/not saved and nothing was recorded/) });
    expect((await officer.get(`/api/v1/dossiers/${d.id}/files`)).json()).toEqual([]);
    expect((await officer.get(`/api/v1/dossiers/${d.id}/timeline`)).json().events).toHaveLength(eventsBefore);

    t.ctx.storage = working;
    const ok = await upload();
    expect(ok.statusCode, ok.body).toBe(201);
    const files = (await officer.get(`/api/v1/dossiers/${d.id}/files`)).json();
    expect(files).toHaveLength(1);
    const back = await officer.get(`/api/v1/dossiers/${d.id}/files/${files[0].id}`);
    expect(Buffer.from(back.rawPayload).equals(pdf)).toBe(true);
  });

  it('a full disk is named as such, so the administrator knows what to fix', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      expect(storageFailure(Object.assign(new Error('write failed'), { code }))).toMatchObject({ kind: 'unavailable', code: 'storage.full' });
    }
    expect(storageFailure(Object.assign(new Error('read-only file system'), { code: 'EROFS' }))).toMatchObject({ kind: 'unavailable', code: 'storage.unavailable' });
  });
});
