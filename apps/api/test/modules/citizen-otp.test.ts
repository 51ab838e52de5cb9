import pino from 'pino';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { notifications } from '../../src/modules/notify/notify.tables.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let sms: SmsSimulator;
let worker: OutboxWorker;
beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), backoffBaseMs: 1000 });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await t.close();
  await sms.close();
});

const post = (url: string, payload: object, ip = '10.0.0.1') => t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
const codeFor = (phone: string) => {
  const last = sms.messages.filter((m) => m.to === phone).at(-1);
  return /(\d{6})/.exec(last?.text ?? '')?.[1];
};

describe('sign-in with phone number and one-time code', () => {
  it('sends a code by SMS through the outbox, signs a new citizen in and creates the account', async () => {
    const asked = await post('/api/v1/citizen/otp', { phone: '+84905111222' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(sms.messages).toHaveLength(0);
    await worker.runOnce();
    const code = codeFor('0905111222');
    expect(code).toMatch(/^\d{6}$/);
    expect(sms.messages.at(-1)!.text).toContain('ma xac thuc');

    const signed = await post('/api/v1/citizen/otp/verify', { phone: '0905111222', code });
    expect(signed.statusCode).toBe(200);
    expect(signed.headers['set-cookie']).toContain('motcua_session=');
    const { token, citizen } = signed.json();
    expect(citizen.phone).toBe('0905111222');
    const me = await t.app.inject({ url: '/api/v1/citizen/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().channels).toEqual(['sms', 'inapp']);

    // The delivery is logged, the code itself is not.
    const [logged] = await t.ctx.db.select().from(notifications).where(and(eq(notifications.recipient, '0905111222'), eq(notifications.event, 'citizen.otp')));
    expect(logged!.status).toBe('sent');
    expect(logged!.body).toContain('******');
    expect(logged!.body).not.toContain(code!);

    // A code works once.
    expect((await post('/api/v1/citizen/otp/verify', { phone: '0905111222', code })).statusCode).toBe(401);
  });

  it('stops after 5 wrong codes, even for the right one, and expires after 5 minutes', async () => {
    expect((await post('/api/v1/citizen/otp', { phone: '0905333444' })).statusCode).toBe(200);
    await worker.runOnce();
    const code = codeFor('0905333444')!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await post('/api/v1/citizen/otp/verify', { phone: '0905333444', code: wrong });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('citizen.otp_invalid');
    }
    expect((await post('/api/v1/citizen/otp/verify', { phone: '0905333444', code })).statusCode).toBe(401);

    t.clock.advance(61_000);
    expect((await post('/api/v1/citizen/otp', { phone: '0905333444' })).statusCode).toBe(200);
    await worker.runOnce();
    const fresh = codeFor('0905333444')!;
    t.clock.advance(301_000);
    expect((await post('/api/v1/citizen/otp/verify', { phone: '0905333444', code: fresh })).statusCode).toBe(401);
  });

  it('limits codes per phone (one a minute, three per 15 minutes) and per address', async () => {
    expect((await post('/api/v1/citizen/otp', { phone: '0905555666' }, '10.0.1.1')).statusCode).toBe(200);
    const tooSoon = await post('/api/v1/citizen/otp', { phone: '0905555666' }, '10.0.1.2');
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().code).toBe('citizen.otp_too_soon');
    t.clock.advance(61_000);
    expect((await post('/api/v1/citizen/otp', { phone: '0905555666' }, '10.0.1.3')).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await post('/api/v1/citizen/otp', { phone: '0905555666' }, '10.0.1.4')).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await post('/api/v1/citizen/otp', { phone: '0905555666' }, '10.0.1.5')).json().code).toBe('citizen.otp_rate_limited');

    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('/api/v1/citizen/otp', { phone: `09077700${String(i).padStart(2, '0')}` }, '10.0.2.1')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('keeps a message when the SMS gateway is down, marks it failed, and sends it once the gateway is back', async () => {
    sms.setFault('http500');
    t.clock.advance(20 * 60_000);
    expect((await post('/api/v1/citizen/otp', { phone: '0905777888' }, '10.0.3.1')).statusCode).toBe(200);
    await worker.runOnce();
    const [failed] = await t.ctx.db.select().from(notifications).where(eq(notifications.recipient, '0905777888'));
    expect(failed!.status).toBe('failed');
    expect(failed!.lastError).toContain('500');
    sms.setFault('none');
    t.clock.advance(5_000);
    await worker.runOnce();
    const [sent] = await t.ctx.db.select().from(notifications).where(eq(notifications.recipient, '0905777888'));
    expect(sent!.status).toBe('sent');
    expect(sent!.attempts).toBe(2);
    expect(sms.messages.filter((m) => m.to === '0905777888')).toHaveLength(1);
  });

  it('delivers the queue ticket SMS the queue module enqueues', async () => {
    await t.ctx.db.transaction(async (tx) => {
      const { enqueueInTx } = await import('../../src/platform/outbox/outbox.ts');
      await enqueueInTx(tx, t.ctx, { topic: 'sms.send', idempotencyKey: 'queue:test:issued', payload: { to: '0911000111', template: 'queue.ticket_issued', params: { number: 'A012', group: 'Hộ tịch' } } });
    });
    await worker.runOnce();
    expect(sms.messages.find((m) => m.to === '0911000111')?.text).toBe('Motcua: ban da lay so A012 (Ho tich). Chung toi se nhan tin khi gan den luot.');
  });

  it('keeps staff out of citizen pages', async () => {
    const token = await t.login('phuxuan.motcua');
    expect((await t.app.inject({ url: '/api/v1/citizen/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
  });
});
