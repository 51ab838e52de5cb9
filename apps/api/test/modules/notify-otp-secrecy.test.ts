import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHandlers } from '../../src/modules/notify/index.ts';
import { rowsOf } from '../../src/platform/db/client.ts';
import { OutboxWorker } from '../../src/platform/outbox/worker.ts';
import { startSmsSimulator, type SmsSimulator } from '../../src/simulators/sms.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let sms: SmsSimulator;
let worker: OutboxWorker;
beforeAll(async () => {
  sms = await startSmsSimulator({ echo: false });
  t = await startTestApp({ env: { MOTCUA_SMS_URL: sms.url } });
  worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, log: pino({ level: 'silent' }), backoffBaseMs: 1000, backoffCapMs: 1000 });
  for (const [topic, handler] of Object.entries(notifyHandlers(t.ctx))) worker.register(topic, handler);
});
afterAll(async () => {
  await t.close();
  await sms.close();
});

const post = (url: string, payload: object, ip: string) => t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await t.ctx.db.execute(q))[0]!.n);

describe('the one-time code is not kept readable once its SMS is out', () => {
  it('the outbox never carries the code; after delivery no outbox, notification or challenge row contains it, and it still signs in', async () => {
    const phone = '0905620001';
    sms.setFault('http500');
    expect((await post('/api/v1/citizen/otp', { phone }, '10.62.0.1')).statusCode).toBe(200);
    await worker.runOnce();
    // The gateway failed: the message waits for a retry, and carries no code to retry with.
    const [waiting] = rowsOf<{ status: string; payload: Record<string, unknown> }>(await t.ctx.db.execute(sql`select status, payload from outbox_messages where topic = 'sms.send' and payload->>'to' = ${phone}`));
    expect(waiting!.status).toBe('pending');
    expect(waiting!.payload).not.toHaveProperty('params.code');
    expect(sms.messages.filter((m) => m.to === phone)).toHaveLength(0);

    sms.setFault('none');
    t.clock.advance(2_000);
    await worker.runOnce();
    const text = sms.messages.filter((m) => m.to === phone).at(-1)?.text ?? '';
    const code = /(\d{6})/.exec(text)?.[1];
    expect(code, text).toMatch(/^\d{6}$/);

    const like = `%${code}%`;
    expect(await count(sql`select count(*)::int as n from outbox_messages where payload::text like ${like} or coalesce(last_error, '') like ${like}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from notifications where body like ${like} or recipient like ${like}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from otp_challenges where phone = ${phone} and sms_code is not null`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from outbox_messages where topic = 'sms.send' and payload->>'to' = ${phone} and status = 'done'`)).toBe(1);

    // Only the salted hash is left, and it is enough to sign in.
    expect((await post('/api/v1/citizen/otp/verify', { phone, code }, '10.62.0.1')).statusCode).toBe(200);
  });

  it('a code that expired before the gateway could take it is not sent late, and is not kept', async () => {
    const phone = '0905620002';
    sms.setFault('http500');
    expect((await post('/api/v1/citizen/otp', { phone }, '10.62.0.2')).statusCode).toBe(200);
    await worker.runOnce();
    sms.setFault('none');
    t.clock.advance(6 * 60_000);
    await worker.runOnce();
    expect(sms.messages.filter((m) => m.to === phone)).toHaveLength(0);
    // The next code asked for (by anyone) sweeps codes that were never sent.
    expect((await post('/api/v1/citizen/otp', { phone: '0905620003' }, '10.62.0.3')).statusCode).toBe(200);
    expect(await count(sql`select count(*)::int as n from otp_challenges where phone = ${phone} and sms_code is not null`)).toBe(0);
  });
});
