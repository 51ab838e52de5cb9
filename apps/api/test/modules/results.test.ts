import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db/client.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { applicant, asUser, completeChecklist } from '../support/dossier-fixtures.ts';
import { pdfText } from './forms-support.ts';

let t: TestApp;
// Monday 23 November 2026, 09:00 in Huế.
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z', env: { MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.example' } });
});
afterAll(() => t.close());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A birth registration received, reviewed and waiting for the leader. */
async function awaitingApproval() {
  const officer = await asUser(t, 'phuxuan.motcua');
  const specialist = await asUser(t, 'phuxuan.chuyenvien');
  const { checklist } = await completeChecklist(t, '1.001193');
  const d = (await officer.intake({ procedureCode: '1.001193', applicant, checklist, decision: 'accept' })).json();
  expect((await specialist.act(d.id, { action: 'start_review' })).statusCode).toBe(200);
  const submitted = await specialist.act(d.id, { action: 'submit_for_approval' });
  expect(submitted.statusCode).toBe(200);
  return submitted.json() as { id: string; code: string; version: number };
}

async function signAs(username: string, id: string, body: object = {}) {
  const token = await t.login(username);
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/sign`, headers: { authorization: `Bearer ${token}` }, payload: body });
}

const verify = (pdf: Uint8Array) => t.app.inject({ method: 'POST', url: '/api/v1/results/verify', headers: { 'content-type': 'application/pdf' }, payload: Buffer.from(pdf) });

/** Appends an incremental update (a new Info dictionary), as a PDF editor saving "in place" would. */
function appendIncrementalUpdate(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const size = Number(/\/Size (\d+)/.exec(text)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
  const objOffset = pdf.length + 1;
  const obj = `\n${size} 0 obj\n<< /Title (Changed after signing) >>\nendobj\n`;
  const xrefOffset = pdf.length + obj.length;
  const xref = `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(obj + xref, 'latin1')]));
}

describe('the leader signs an e-result', () => {
  let dossier: { id: string; code: string };
  let pdf: Uint8Array;
  let code: string;

  it('approves the dossier and issues {code}-KQ1, signed, stored, and recorded in the timeline', async () => {
    dossier = await awaitingApproval();
    const res = await signAs('phuxuan.lanhdao', dossier.id, { reason: 'Đủ điều kiện đăng ký khai sinh' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    code = body.result.code;
    expect(code).toBe(`${dossier.code}-KQ1`);
    expect(body.dossier).toMatchObject({ status: 'processing', step: 'approved' });
    expect(body.result).toMatchObject({ n: 1, signerName: 'Tôn Nữ Thanh Hương', signerTitle: 'Lãnh đạo', scheme: 'pdf-cms-sha256-rsa', verifyUrl: `/xac-thuc/${code}` });
    expect(body.result.certificate.issuer).toContain('Motcua Demo CA');

    const officer = await asUser(t, 'phuxuan.motcua');
    const file = await officer.get(body.result.pdfUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    pdf = new Uint8Array(file.rawPayload);
    expect(sha256(pdf)).toBe(body.result.sha256);

    const timeline = (await officer.get(`/api/v1/dossiers/${dossier.id}/timeline`)).json();
    const approve = timeline.events.find((e: { action: string }) => e.action === 'approve');
    expect(approve.data.result).toEqual({ code, sha256: body.result.sha256, certificate: body.result.certificate.fingerprintSha256 });
    expect(timeline.chainIntact).toBe(true);
  });

  it('draws the result in Vietnamese with the code, signer and a link to the verify page', async () => {
    const text = (await pdfText(pdf)).join('\n');
    expect(text).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain(code);
    expect(text).toContain('Tôn Nữ Thanh Hương');
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain(`https://motcua.hue.example/xac-thuc/${code}`);
  });

  it('shows the public who, when and which hash, without the applicant', async () => {
    const res = await t.app.inject({ url: `/api/v1/results/${code}` });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ code, dossierCode: dossier.code, issuer: 'Trung tâm Phục vụ hành chính công phường Phú Xuân', signerName: 'Tôn Nữ Thanh Hương', sha256: sha256(pdf) });
    expect(JSON.stringify(r)).not.toContain('Trần Văn Bình');
    expect(JSON.stringify(r)).not.toContain(applicant.idNumber);
    expect((await t.app.inject({ url: `/api/v1/results/${dossier.code}-KQ9` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/results/not-a-code' })).statusCode).toBe(400);
  });

  it('verifies the original as valid', async () => {
    const res = await verify(pdf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      verdict: 'valid',
      reason: 'exact_match',
      result: { code },
      checks: { signaturePresent: true, signatureValid: true, coversWholeFile: true, certificateKnown: true, hashMatches: true },
    });
  });

  it('reports one changed byte as tampered', async () => {
    const changed = new Uint8Array(pdf);
    // A byte inside the page content, well before the signature dictionary.
    const at = Buffer.from(pdf).indexOf('stream') + 40;
    changed[at] = changed[at]! ^ 0x01;
    const res = await verify(changed);
    expect(res.json()).toMatchObject({ verdict: 'tampered', reason: 'content_changed', result: { code }, checks: { signaturePresent: true, signatureValid: false, hashMatches: false } });
  });

  it('reports an incremental update after signing as tampered, though the signed bytes still check out', async () => {
    const res = await verify(appendIncrementalUpdate(pdf));
    expect(res.json()).toMatchObject({
      verdict: 'tampered',
      reason: 'modified_after_signing',
      checks: { signaturePresent: true, signatureValid: true, coversWholeFile: false, hashMatches: false },
    });
  });

  it('calls a PDF it did not issue unknown, and refuses what is not a PDF', async () => {
    const officer = await asUser(t, 'phuxuan.motcua');
    const form = (await officer.get(`/api/v1/dossiers/${dossier.id}/forms/01.pdf`)).rawPayload;
    expect((await verify(new Uint8Array(form))).json()).toMatchObject({ verdict: 'unknown', reason: 'no_signature', result: null });
    const notPdf = await verify(new TextEncoder().encode('hello'));
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().code).toBe('results.not_a_pdf');
  });

  it('cannot sign twice: the second approval is a 409 and no second result appears', async () => {
    const again = await signAs('phuxuan.lanhdao', dossier.id);
    expect(again.statusCode).toBe(409);
    const officer = await asUser(t, 'phuxuan.motcua');
    expect((await officer.get(`/api/v1/dossiers/${dossier.id}/results`)).json().items).toHaveLength(1);
  });
});

describe('who signs, and with which key', () => {
  it('refuses a specialist, hides the dossier from another center', async () => {
    const d = await awaitingApproval();
    const specialist = await signAs('phuxuan.chuyenvien', d.id);
    expect(specialist.statusCode).toBe(403);
    expect(specialist.json().code).toBe('results.not_a_signer');
    expect((await signAs('ayun.lanhdao', d.id)).statusCode).toBe(404);
  });

  it('gives each leader an own certificate from the one province CA, and keeps private keys out of the database', async () => {
    const a = await awaitingApproval();
    const b = await awaitingApproval();
    const ra = (await signAs('phuxuan.lanhdao', a.id)).json().result;
    const rb = (await signAs('phuxuan.giamdoc', b.id)).json().result;
    expect(rb.signerTitle).toBe('Giám đốc Trung tâm');
    expect(ra.certificate.fingerprintSha256).not.toBe(rb.certificate.fingerprintSha256);
    expect(ra.certificate.issuer).toBe(rb.certificate.issuer);

    const keys = rowsOf<{ kind: string; certificate_pem: string; key_file: string; passphrase: string; province_code: string }>(
      await t.ctx.db.execute(sql`select kind, certificate_pem, key_file, passphrase, province_code from signing_keys where province_code = '46'`),
    );
    expect(keys.filter((k) => k.kind === 'province_ca')).toHaveLength(1);
    for (const k of keys) {
      expect(JSON.stringify(k)).not.toMatch(/PRIVATE KEY/);
      const p12 = await t.ctx.storage.get(k.key_file);
      expect(p12).not.toBeNull();
      const der = forge.asn1.fromDer(Buffer.from(p12!).toString('binary'));
      expect(() => forge.pkcs12.pkcs12FromAsn1(der, false, 'wrong passphrase')).toThrow();
      expect(forge.pkcs12.pkcs12FromAsn1(der, false, k.passphrase).getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]).toHaveLength(1);
    }
  });

  it('of two leaders signing the same dossier at once, exactly one issues a result', async () => {
    const d = await awaitingApproval();
    // Both signers' certificates exist already (previous test), so the race is about the dossier only.
    const [x, y] = await Promise.all([signAs('phuxuan.lanhdao', d.id), signAs('phuxuan.giamdoc', d.id)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const rows = rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select n from e_results where dossier_id = ${d.id}`));
    expect(rows).toEqual([{ n: 1 }]);
  });
});
