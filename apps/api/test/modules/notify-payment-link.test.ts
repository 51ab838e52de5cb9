import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { notifications } from '../../src/modules/notify/notify.tables.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { citizenOf, feeDossier, toAwaitingPayment } from './payments-support.ts';

let t: TestApp;
let sms: SmsSimulator;
let worker: OutboxWorker;
beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url, MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.gov.vn' } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }) });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await t.close();
  await sms.close();
});

const paymentDue = (dossierId: string) => t.ctx.db.select().from(notifications).where(and(eq(notifications.dossierId, dossierId), eq(notifications.event, 'dossier.payment_due')));

describe('the payment-due message', () => {
  it('takes a citizen with an account straight to the dossier’s payment page', async () => {
    const d = await feeDossier(t, '0905730001');
    await citizenOf(t, d.id);
    await toAwaitingPayment(t, d.id, 8000);
    while ((await worker.runOnce()) > 0);
    const rows = await paymentDue(d.id);
    expect(rows.map((r) => r.channel).sort()).toEqual(['inapp', 'sms']);
    const payPage = `https://motcua.hue.gov.vn/citizen/dossiers/${encodeURIComponent(d.code)}/pay`;
    for (const r of rows) expect(r.body.endsWith(payPage), r.body).toBe(true);
    expect(sms.messages.filter((m) => m.text.includes(`Thanh toan tai ${payPage}`))).toHaveLength(1);
  });

  it('without an account (filed at the counter) it points to public tracking, where the fee and how to pay are shown', async () => {
    const d = await feeDossier(t, '0905730002');
    await toAwaitingPayment(t, d.id, 8000);
    while ((await worker.runOnce()) > 0);
    const [row] = await paymentDue(d.id);
    expect(row).toMatchObject({ channel: 'sms', recipient: '0905730002' });
    expect(row!.body).toContain(`https://motcua.hue.gov.vn/tra-cuu/${encodeURIComponent(d.code)}`);
  });
});
