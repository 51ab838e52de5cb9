import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
});
afterAll(() => t.close());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// The 8-byte PNG signature plus an IHDR chunk header is enough for type sniffing.
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('scanned documents of a dossier', () => {
  it('stores a scan against a checklist item with its SHA-256, sniffing the real type', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist, documents } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const token = await t.login('phuxuan.motcua');
    const upload = (itemId: string, body: Buffer, type: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/files?itemId=${itemId}`, headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload: body });

    const ok = await upload(documents[0]!.id, pdf, 'application/pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ itemId: documents[0]!.id, mime: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    // A PNG sent as "application/pdf" is stored as what it is.
    expect((await upload(documents[1]!.id, png, 'application/pdf')).json().mime).toBe('image/png');

    const files = (await officer.get(`/api/v1/dossiers/${d.id}/files`)).json();
    expect(files).toHaveLength(2);
    const back = await officer.get(`/api/v1/dossiers/${d.id}/files/${files[0].id}`);
    expect(Buffer.from(back.rawPayload).equals(pdf)).toBe(true);

    const timeline = (await officer.get(`/api/v1/dossiers/${d.id}/timeline`)).json();
    expect(timeline.chainIntact).toBe(true);
    expect(timeline.events.filter((e: { action: string }) => e.action === 'attach_file')).toHaveLength(2);
  });

  it('refuses other file types, unknown items, oversize files and other centers, storing nothing', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const { checklist, documents } = await completeChecklist(t, '1.001193');
    const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
    const post = async (user: string, itemId: string, body: Buffer, type = 'application/pdf') =>
      t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/files?itemId=${itemId}`, headers: { authorization: `Bearer ${await t.login(user)}`, 'content-type': type }, payload: body });

    const exe = await post('phuxuan.motcua', documents[0]!.id, Buffer.from('MZ\x90\x00 not a scan'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('dossier.file_type');
    expect((await post('phuxuan.motcua', 'zz99', pdf)).json().code).toBe('dossier.unknown_item');
    expect((await post('phuxuan.motcua', documents[0]!.id, Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]))).statusCode).toBe(413);
    expect((await post('ayun.motcua', documents[0]!.id, pdf)).statusCode).toBe(404);
    expect((await post('phuxuan.motcua', documents[0]!.id, pdf, 'text/plain')).statusCode).toBe(415);
    expect((await officer.get(`/api/v1/dossiers/${d.id}/files`)).json()).toEqual([]);
  });
});
