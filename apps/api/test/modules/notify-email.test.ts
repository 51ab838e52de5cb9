import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { notifications } from '../../src/modules/notify/notify.tables.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { startSmtpSimulator, type SmtpSimulator } from '../../src/simulators/smtp.ts';
import { asCitizen, samplePdf } from '../support/citizen-fixtures.ts';
import { asUser } from '../support/dossier-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let sms: SmsSimulator;
let smtp: SmtpSimulator;
let worker: OutboxWorker;
let centerId: string;
let mandatory: string[];
beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  smtp = await startSmtpSimulator({ echo: false });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url, MOTCUA_SMTP_URL: smtp.url, MOTCUA_MAIL_FROM: 'Trung tâm Phục vụ hành chính công <motcua@hue.gov.vn>' } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), backoffBaseMs: 1000, backoffCapMs: 1000 });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
  const centers = (await t.app.inject({ url: '/api/v1/citizen/procedures/1.001193/centers' })).json();
  centerId = centers.centers.find((c: { agencyCode: string }) => c.agencyCode === 'H46.01').id;
  const docs = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json().documents as { id: string; requirement: string }[];
  mandatory = docs.filter((d) => d.requirement === 'mandatory').map((d) => d.id);
});
afterAll(async () => {
  await t.close();
  await sms.close();
  await smtp.close();
});

/** A citizen who chose to be told by e-mail only files a birth registration online; returns the dossier. */
async function filedByEmailCitizen(phone: string, email: string) {
  const c = await asCitizen(t, sms, worker, phone, '10.63.0.1');
  const profile = await t.app.inject({ method: 'PATCH', url: '/api/v1/citizen/me', headers: { authorization: `Bearer ${c.token}` }, payload: { email, language: 'vi', channels: ['email'] } });
  expect(profile.statusCode, profile.body).toBe(200);
  const bytes = samplePdf();
  const up = (await c.post('/api/v1/citizen/uploads', { name: 'giay-chung-sinh.pdf', mime: 'application/pdf', size: bytes.byteLength })).json();
  expect((await c.chunk(up.id, 0, bytes)).json().status).toBe('complete');
  const draft = (await c.post('/api/v1/citizen/drafts', { procedureCode: '1.001193', centerId })).json();
  await c.put(`/api/v1/citizen/drafts/${draft.id}`, {
    expectedVersion: 1,
    applicant: { idNumber: '046090123456', fullName: 'Trần Văn Bình', dateOfBirth: '1990-05-12', sex: 'male', address: { line: '12 Lê Lợi', communeCode: '19753' }, phone },
    attachments: Object.fromEntries(mandatory.map((id) => [id, { fileId: up.id, source: 'upload' }])),
  });
  const submitted = await c.post(`/api/v1/citizen/drafts/${draft.id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(201);
  return submitted.json() as { id: string; code: string };
}

/** The fan-out of a dossier change, then the e-mail delivery it queued. */
const deliver = async () => {
  await worker.runOnce();
  await worker.runOnce();
};
const emailRow = async (dossierId: string, event: string) => (await t.ctx.db.select().from(notifications).where(and(eq(notifications.dossierId, dossierId), eq(notifications.event, event), eq(notifications.channel, 'email'))))[0]!;
const outboxStatus = async (notificationId: string) =>
  rowsOf<{ status: string }>(await t.ctx.db.execute(sql`select status from outbox_messages where topic = 'email.send' and payload->>'notificationId' = ${notificationId}`))[0]!.status;

describe('e-mail notices over SMTP', () => {
  it('the citizen who chose e-mail receives it from the relay, in Vietnamese with its diacritics, and the delivery is recorded as sent', async () => {
    const d = await filedByEmailCitizen('0905630001', 'tran.binh@example.vn');
    await deliver();

    const mail = smtp.messages.find((m) => m.to.includes('tran.binh@example.vn'))!;
    expect(mail.subject).toBe(`Motcua: đã nhận hồ sơ trực tuyến ${d.code} (Thủ tục đăng ký khai sinh)`);
    expect(mail.text).toBe(`Motcua: đã nhận hồ sơ trực tuyến ${d.code} (Thủ tục đăng ký khai sinh). Trung tâm sẽ kiểm tra và báo lại.`);
    expect(mail.from).toBe('motcua@hue.gov.vn');
    // Nothing went out by SMS: the citizen chose e-mail only.
    expect(sms.messages.filter((m) => m.to === '0905630001' && !/\d{6}/.test(m.text))).toHaveLength(0);

    const row = await emailRow(d.id, 'dossier.submitted');
    expect(row).toMatchObject({ recipient: 'tran.binh@example.vn', status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).not.toBeNull();
  });

  it('a relay that says "try later" gets the notice again after the back-off; it arrives once and is recorded as sent on the second attempt', async () => {
    const d = await filedByEmailCitizen('0905630002', 'le.hoa@example.vn');
    smtp.setFault('reject', 1);
    await deliver();

    expect(smtp.messages.filter((m) => m.to.includes('le.hoa@example.vn'))).toHaveLength(0);
    const failed = await emailRow(d.id, 'dossier.submitted');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('451');
    expect(await outboxStatus(failed.id)).toBe('pending');

    t.clock.advance(2_000);
    await worker.runOnce();
    expect(smtp.messages.filter((m) => m.to.includes('le.hoa@example.vn')).map((m) => m.subject)).toEqual([`Motcua: đã nhận hồ sơ trực tuyến ${d.code} (Thủ tục đăng ký khai sinh)`]);
    expect(await emailRow(d.id, 'dossier.submitted')).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(await outboxStatus(failed.id)).toBe('done');
  });

  it('a mailbox the relay refuses outright is marked failed at once and not retried', async () => {
    const d = await filedByEmailCitizen('0905630003', 'khong.ton.tai@example.vn');
    smtp.setFault('bounce');
    try {
      await deliver();
    } finally {
      smtp.setFault('none');
    }
    const row = await emailRow(d.id, 'dossier.submitted');
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain('550');
    expect(await outboxStatus(row.id)).toBe('dead');

    t.clock.advance(60_000);
    await worker.runOnce();
    expect(smtp.messages.filter((m) => m.to.includes('khong.ton.tai@example.vn'))).toHaveLength(0);
    expect((await emailRow(d.id, 'dossier.submitted')).attempts).toBe(1);
  });

  it('a supplement request reaches the citizen by e-mail with the link to answer it', async () => {
    const d = await filedByEmailCitizen('0905630004', 'pham.lan@example.vn');
    await deliver();
    const officer = await asUser(t, 'phuxuan.motcua');
    expect((await officer.act(d.id, { action: 'request_supplement', supplementItems: [{ itemId: mandatory[0] }] })).statusCode).toBe(200);
    await deliver();
    const mail = smtp.messages.filter((m) => m.to.includes('pham.lan@example.vn')).at(-1)!;
    expect(mail.subject).toBe(`Motcua: hồ sơ ${d.code} cần bổ sung giấy tờ`);
    expect(mail.text).toContain(`/tra-cuu/${d.code}`);
    expect((await emailRow(d.id, 'dossier.supplement')).status).toBe('sent');
  });
});
