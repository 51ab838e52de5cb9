import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../src/modules/payments/payments.tables.ts';
import type { PaymentSimulator } from '../../src/simulators/payment.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { bearer, feeDossier, pressOnGateway, toAwaitingPayment, withGateway } from './payments-support.ts';

let t: TestApp;
let sim: PaymentSimulator;
let officer: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
  sim = await withGateway(t);
  officer = await bearer(t, 'phuxuan.motcua');
});
afterAll(async () => {
  await sim.close();
  await t.close();
});

const cash = (dossierId: string, amount: number, headers = officer) => t.app.inject({ method: 'POST', url: '/api/v1/payments/cash', headers, payload: { dossierId, amount } });

describe('cash at the counter', () => {
  it('numbers receipts without gaps per center and year, also when payments race and some fail', async () => {
    const ds = [];
    for (let i = 0; i < 8; i++) ds.push(await feeDossier(t));
    // Every dossier paid once, and three of them a second time at the same moment: those fail.
    const attempts = [...ds.map((d) => cash(d.id, 10000)), ...ds.slice(0, 3).map((d) => cash(d.id, 10000))];
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json().receiptNo as string);
    const failed = results.filter((r) => r.statusCode !== 201);
    expect(ok).toHaveLength(8);
    expect(failed.map((r) => r.json().code)).toEqual(['payments.already_paid', 'payments.already_paid', 'payments.already_paid']);
    expect(ok.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `BL-H46.01-2026-${String(i + 1).padStart(6, '0')}`));
    // The next one continues the book.
    const next = await cash((await feeDossier(t)).id, 10000);
    expect(next.json().receiptNo).toBe('BL-H46.01-2026-000009');
  });

  it('takes exactly the fee due, only from counter staff, and writes nothing otherwise', async () => {
    const d = await feeDossier(t);
    const wrong = await cash(d.id, 5000);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('payments.wrong_amount');
    const specialist = await cash(d.id, 10000, await bearer(t, 'phuxuan.chuyenvien'));
    expect(specialist.statusCode).toBe(403);
    const otherCenter = await cash(d.id, 10000, await bearer(t, 'ayun.motcua'));
    expect(otherCenter.statusCode).toBe(404);
    expect(await t.ctx.db.select().from(payments).where(eq(payments.dossierId, d.id))).toHaveLength(0);
  });

  it('moves a dossier awaiting payment to finished and prints a receipt PDF', async () => {
    const d = await feeDossier(t);
    await toAwaitingPayment(t, d.id, 30000);
    const res = await cash(d.id, 30000);
    expect(res.statusCode, res.body).toBe(201);
    const view = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: officer })).json();
    expect(view).toMatchObject({ status: 'finished', feePaid: true });
    const tl = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/timeline`, headers: officer })).json();
    expect(tl.events.at(-1)).toMatchObject({ action: 'record_payment', actorRole: 'counter_officer', data: { method: 'cash', receiptNo: res.json().receiptNo } });
    for (const layout of ['a4', 'thermal']) {
      const pdf = await t.app.inject({ url: `/api/v1/payments/${res.json().id}/receipt.pdf?layout=${layout}`, headers: officer });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const summary = (await t.app.inject({ url: `/api/v1/payments/dossiers/${d.code}`, headers: officer })).json();
    expect(summary).toMatchObject({ paidBy: 'cash', notPayableReason: 'paid' });
  });

  it('an online payment that lands after cash is kept as refund due, never as a second payment', async () => {
    const d = await feeDossier(t);
    const started = (await t.app.inject({ method: 'POST', url: '/api/v1/payments/online', headers: officer, payload: { dossierCode: d.code } })).json();
    expect((await cash(d.id, 10000)).statusCode).toBe(201);
    await pressOnGateway(started.redirectUrl, 'pay');
    const rows = await t.ctx.db.select().from(payments).where(eq(payments.dossierId, d.id));
    expect(rows.map((r) => `${r.method}:${r.status}`).sort()).toEqual(['cash:paid', 'online:refund_due']);
    const report = await t.app.inject({ method: 'POST', url: '/api/v1/payments/reconciliations', headers: await bearer(t, 'phuxuan.giamdoc'), payload: { day: '2026-11-23' } });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().mismatches).toContainEqual(expect.objectContaining({ txnRef: started.txnRef, kind: 'refund_due', dossierCode: d.code }));
  });

  it('starts a new book in a new year', async () => {
    t.clock.set('2027-01-04T02:00:00Z');
    const res = await cash((await feeDossier(t)).id, 10000, await bearer(t, 'phuxuan.motcua'));
    expect(res.json().receiptNo).toBe('BL-H46.01-2027-000001');
  });
});
