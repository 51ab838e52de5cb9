import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { notifications } from '../../src/modules/notify/notify.tables.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { asCitizen } from '../support/citizen-fixtures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { bearer } from './payments-support.ts';

let t: TestApp;
let sms: SmsSimulator;
let worker: OutboxWorker;
let centerId: string;
beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url, MOTCUA_PUBLIC_ORIGIN: 'https://motcua.hue.gov.vn' } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }) });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
  const centers = (await t.app.inject({ url: '/api/v1/queue/centers' })).json() as { id: string; agencyCode: string }[];
  centerId = centers.find((c) => c.agencyCode === 'H46.01')!.id;
});
afterAll(async () => {
  await t.close();
  await sms.close();
});

let ip = 0;
const submit = (body: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/petitions', payload: body, headers, remoteAddress: `10.71.0.${++ip}` });
const petition = { kind: 'complaint', title: 'Cán bộ hẹn lại nhiều lần', content: 'Tôi phải đến trung tâm ba lần mà hồ sơ vẫn chưa được giải quyết.', name: 'Lê Thị Hoa' };

async function deskAct(code: string, action: 'answer' | 'request_info', text: string) {
  const director = await bearer(t, 'phuxuan.giamdoc');
  const item = (await t.app.inject({ url: '/api/v1/petitions', headers: director })).json().items.find((i: { code: string }) => i.code === code);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${item.id}/actions`, headers: director, payload: { action, text } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('the person who sent a petition is told when it is answered', () => {
  it('without an account: an SMS to the phone given, linking to the public answer; asking for information sends nothing of the kind', async () => {
    const { code } = (await submit({ ...petition, centerId, phone: '0912700001' })).json();
    await deskAct(code, 'request_info', 'Xin cho biết ngày ông/bà đến trung tâm.');
    expect(await t.ctx.db.select().from(notifications).where(eq(notifications.recipient, '0912700001'))).toEqual([]);

    await deskAct(code, 'answer', 'Trung tâm đã kiểm tra và xin lỗi ông/bà; hồ sơ đã được giải quyết.');
    const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.recipient, '0912700001'));
    expect(rows.map((r) => ({ event: r.event, channel: r.channel, status: r.status }))).toEqual([{ event: 'petition.answered', channel: 'sms', status: 'queued' }]);
    while ((await worker.runOnce()) > 0);
    const text = sms.messages.filter((m) => m.to === '0912700001').at(-1)?.text;
    expect(text).toBe(`Motcua: phan anh, kien nghi ${code} da co cau tra loi. Xem tai https://motcua.hue.gov.vn/pakn/${code}`);
    expect((await t.ctx.db.select().from(notifications).where(eq(notifications.recipient, '0912700001')))[0]!.status).toBe('sent');
  });

  it('signed in: in the app and by SMS as the citizen chose, in their language', async () => {
    const c = await asCitizen(t, sms, worker, '0905700011', '10.71.1.1');
    const prefs = await t.app.inject({ method: 'PATCH', url: '/api/v1/citizen/me', headers: { authorization: `Bearer ${c.token}` }, payload: { language: 'en', channels: ['inapp', 'sms'] } });
    expect(prefs.statusCode).toBe(200);
    const res = await submit({ ...petition, centerId, phone: '0905700011' }, { authorization: `Bearer ${c.token}` });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    await deskAct(code, 'answer', 'Trung tâm đã bố trí thêm ghế chờ.');
    const inbox = (await c.get('/api/v1/citizen/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ event: 'petition.answered', body: `Motcua: your petition ${code} has been answered. Read it at https://motcua.hue.gov.vn/pakn/${code}` });
    while ((await worker.runOnce()) > 0);
    expect(sms.messages.filter((m) => m.to === '0905700011').at(-1)?.text).toContain(`your petition ${code} has been answered`);
  });
});
