import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPendingPayments } from '../../src/modules/payments/payments.notify.ts';
import { reconcileYesterday } from '../../src/modules/payments/payments.reconcile.ts';
import { paymentNotifications, payments } from '../../src/modules/payments/payments.tables.ts';
import type { PaymentSimulator } from '../../src/simulators/payment.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { bearer, citizenOf, feeDossier, pressOnGateway, signedResult, toAwaitingPayment, withGateway } from './payments-support.ts';

let t: TestApp;
let sim: PaymentSimulator;
let staff: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T02:00:00Z' });
  sim = await withGateway(t);
  staff = await bearer(t, 'phuxuan.motcua');
});
afterAll(async () => {
  await sim.close();
  await t.close();
});

const start = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/payments/online', headers: staff, payload: { dossierCode: code } });
const summary = async (code: string) => (await t.app.inject({ url: `/api/v1/payments/dossiers/${code}`, headers: staff })).json();
const notify = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/payments/gateway/notify', payload: body });
const paymentOf = async (txnRef: string) => (await t.ctx.db.select().from(payments).where(eq(payments.txnRef, txnRef)))[0]!;
const notesOf = async (txnRef: string) => (await t.ctx.db.select().from(paymentNotifications).where(eq(paymentNotifications.txnRef, txnRef))).map((n) => n.outcome).sort();
const timeline = async (id: string) => (await t.app.inject({ url: `/api/v1/dossiers/${id}/timeline`, headers: staff })).json() as { events: { action: string; actorRole: string; data: Record<string, unknown> }[]; chainIntact: boolean };

describe('paying a dossier online through the gateway', () => {
  it('shows the fee from the procedure version, sends the browser to the gateway, and the signed callback marks the dossier paid', async () => {
    sim.setMode('success');
    const d = await feeDossier(t);
    const before = await summary(d.code);
    expect(before).toMatchObject({ amountDue: 10000, feePaid: false, notPayableReason: null, paidBy: null });
    expect(before.feeLines).toEqual([{ label: 'Phí, lệ phí', amount: 10000 }]);

    const res = await start(d.code);
    expect(res.statusCode, res.body).toBe(201);
    const { redirectUrl, txnRef, amount } = res.json();
    expect(amount).toBe(10000);
    expect(redirectUrl.startsWith(sim.url)).toBe(true);

    const back = await pressOnGateway(redirectUrl, 'pay');
    expect(back.pathname).toBe('/citizen/payments/return');
    expect(back.searchParams.get('status')).toBe('success');

    const after = await summary(d.code);
    expect(after).toMatchObject({ feePaid: true, notPayableReason: 'paid', paidBy: 'online' });
    expect(after.payments[0]).toMatchObject({ method: 'online', status: 'paid', amount: 10000 });

    // The browser return carries the same signed result: recognised, applied no second time.
    const ret = await t.app.inject({ method: 'POST', url: '/api/v1/payments/gateway/return', payload: Object.fromEntries(back.searchParams) });
    expect(ret.json()).toEqual({ outcome: 'duplicate', paymentStatus: 'paid', dossierCode: d.code });
    expect(await notesOf(txnRef)).toEqual(['applied', 'duplicate']);
    const tl = await timeline(d.id);
    expect(tl.chainIntact).toBe(true);
    const paid = tl.events.filter((e) => e.action === 'fee_paid');
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ actorRole: 'system', data: { method: 'online', amountPaid: 10000 } });
    expect((await start(d.code)).json().code).toBe('payments.already_paid');
  });

  it('applies duplicate callbacks once', async () => {
    sim.setMode('duplicate');
    const d = await feeDossier(t);
    const { redirectUrl, txnRef } = (await start(d.code)).json();
    await pressOnGateway(redirectUrl, 'pay');
    expect(sim.callbacks.filter((c) => c.txnRef === txnRef).map((c) => c.status)).toEqual([200, 200, 200]);
    expect(await notesOf(txnRef)).toEqual(['applied', 'duplicate', 'duplicate']);
    expect((await paymentOf(txnRef)).status).toBe('paid');
    expect((await timeline(d.id)).events.filter((e) => e.action === 'fee_paid')).toHaveLength(1);
    sim.setMode('success');
  });

  it('rejects a callback with the wrong amount, records it, and leaves the dossier payable', async () => {
    sim.setMode('success');
    const d = await feeDossier(t);
    const { txnRef } = (await start(d.code)).json();
    const res = await notify(signedResult({ txnRef, amount: 1000 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('payments.amount_mismatch');
    expect((await paymentOf(txnRef)).status).toBe('pending');
    expect(await notesOf(txnRef)).toEqual(['amount_mismatch']);
    expect(await summary(d.code)).toMatchObject({ feePaid: false, notPayableReason: null });
  });

  it('rejects a forged signature and changes nothing', async () => {
    const d = await feeDossier(t);
    const { txnRef } = (await start(d.code)).json();
    const forged = { ...signedResult({ txnRef, amount: 10000 }), signature: 'ab'.repeat(32) };
    const res = await notify(forged);
    expect(res.statusCode).toBe(401);
    // Same fields, signed with another key.
    const other = signedResult({ txnRef, amount: 10000 });
    const tampered = await notify({ ...other, gatewayTxnId: 'GWOTHER' });
    expect(tampered.statusCode).toBe(401);
    expect((await paymentOf(txnRef)).status).toBe('pending');
    expect(await notesOf(txnRef)).toEqual(['bad_signature', 'bad_signature']);
    expect((await summary(d.code)).feePaid).toBe(false);
  });

  it('gateway down: the dossier stays payable, the attempt is kept pending, and a retry reuses it and succeeds', async () => {
    const d = await feeDossier(t);
    sim.setMode('down');
    const res = await start(d.code);
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('payments.gateway_unavailable');
    const down = await summary(d.code);
    expect(down).toMatchObject({ feePaid: false, notPayableReason: null });
    expect(down.payments).toHaveLength(1);
    expect(down.payments[0]).toMatchObject({ status: 'pending', gatewayError: true });

    sim.setMode('success');
    const retry = await start(d.code);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().txnRef).toBe(down.payments[0].txnRef);
    await pressOnGateway(retry.json().redirectUrl, 'pay');
    const after = await summary(d.code);
    expect(after.payments).toHaveLength(1);
    expect(after.payments[0]).toMatchObject({ status: 'paid', gatewayError: false });
  });

  it('a late callback after the citizen left the gateway still settles the payment, once', async () => {
    sim.setMode('late', 150);
    const d = await feeDossier(t);
    const { redirectUrl, txnRef } = (await start(d.code)).json();
    await pressOnGateway(redirectUrl, 'pay');
    // The browser never came back (tab closed); the dossier has not been paid yet.
    expect((await paymentOf(txnRef)).status).toBe('pending');
    await sim.settled();
    expect((await paymentOf(txnRef)).status).toBe('paid');
    expect((await summary(d.code)).feePaid).toBe(true);
    sim.setMode('success');
  });

  it('a declined or cancelled payment is recorded and the dossier can be paid again', async () => {
    sim.setMode('failure');
    const d = await feeDossier(t);
    const first = (await start(d.code)).json();
    const back = await pressOnGateway(first.redirectUrl, 'pay');
    expect(back.searchParams.get('status')).toBe('failed');
    expect((await paymentOf(first.txnRef)).status).toBe('failed');
    sim.setMode('success');
    const second = (await start(d.code)).json();
    expect(second.txnRef).not.toBe(first.txnRef);
    await pressOnGateway(second.redirectUrl, 'cancel');
    expect((await paymentOf(second.txnRef)).status).toBe('cancelled');
    const ret = await t.app.inject({ method: 'POST', url: '/api/v1/payments/gateway/return', payload: signedResult({ txnRef: second.txnRef, amount: 10000, status: 'cancelled' }) });
    expect(ret.json()).toMatchObject({ outcome: 'duplicate', paymentStatus: 'cancelled' });
    expect(await summary(d.code)).toMatchObject({ feePaid: false, notPayableReason: null });
  });

  it('a dossier awaiting payment moves on to finished when paid online', async () => {
    sim.setMode('success');
    const d = await feeDossier(t);
    await toAwaitingPayment(t, d.id, 25000);
    const { redirectUrl, amount } = (await start(d.code)).json();
    expect(amount).toBe(25000);
    await pressOnGateway(redirectUrl, 'pay');
    const view = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: staff })).json();
    expect(view).toMatchObject({ status: 'finished', statusCode: 9, feePaid: true, feeTotal: 25000 });
    expect((await timeline(d.id)).events.at(-1)).toMatchObject({ action: 'record_payment', actorRole: 'system' });
  });

  it('a lost callback is recovered by asking the gateway (refresh)', async () => {
    sim.setMode('success');
    const d = await feeDossier(t);
    const live = t.ctx.config.publicOrigin;
    // The gateway is told to call back an address where nobody listens.
    t.ctx.config = { ...t.ctx.config, publicOrigin: 'http://127.0.0.1:9' };
    const { redirectUrl, paymentId, txnRef } = (await start(d.code)).json();
    t.ctx.config = { ...t.ctx.config, publicOrigin: live };
    await pressOnGateway(redirectUrl, 'pay');
    expect((await paymentOf(txnRef)).status).toBe('pending');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/payments/${paymentId}/refresh`, headers: staff });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('paid');
    expect(await notesOf(txnRef)).toEqual(['applied']);
  });

  it('a citizen with no claim on the dossier gets the same 404 as for a missing one', async () => {
    const d = await feeDossier(t);
    const other = await bearer(t, 'ayun.motcua');
    const res = await t.app.inject({ url: `/api/v1/payments/dossiers/${d.code}`, headers: other });
    expect(res.statusCode).toBe(404);
    const missing = await t.app.inject({ url: '/api/v1/payments/dossiers/H46.01-000000-0000', headers: other });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe(res.json().code);
  });
  it('the citizen who filed the dossier pays it; another citizen gets the 404 of a missing dossier', async () => {
    sim.setMode('success');
    const d = await feeDossier(t);
    const owner = await citizenOf(t, d.id);
    const stranger = await citizenOf(t, (await feeDossier(t)).id);
    expect((await t.app.inject({ url: `/api/v1/payments/dossiers/${d.code}`, headers: stranger })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/online', headers: stranger, payload: { dossierCode: d.code } })).statusCode).toBe(404);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/payments/online', headers: owner, payload: { dossierCode: d.code } });
    expect(res.statusCode, res.body).toBe(201);
    await pressOnGateway(res.json().redirectUrl, 'pay');
    const mine = (await t.app.inject({ url: `/api/v1/payments/dossiers/${d.code}`, headers: owner })).json();
    expect(mine).toMatchObject({ feePaid: true, paidBy: 'online' });
    const cash = await t.app.inject({ method: 'POST', url: '/api/v1/payments/cash', headers: owner, payload: { dossierId: d.id, amount: 10000 } });
    expect(cash.statusCode).toBe(403);
  });

  it('the scheduled jobs recover a payment whose callback never came, and reconcile a finished day once', async () => {
    sim.setMode('success');
    const d = await feeDossier(t);
    const live = t.ctx.config.publicOrigin;
    t.ctx.config = { ...t.ctx.config, publicOrigin: 'http://127.0.0.1:9' };
    const { redirectUrl, txnRef } = (await start(d.code)).json();
    t.ctx.config = { ...t.ctx.config, publicOrigin: live };
    await pressOnGateway(redirectUrl, 'pay');
    // Too recent to query yet: the callback may still be on its way.
    expect(await syncPendingPayments(t.ctx)).toEqual({ checked: 0, changed: 0 });
    t.clock.advance(6 * 60_000);
    expect(await syncPendingPayments(t.ctx)).toMatchObject({ changed: 1 });
    expect((await paymentOf(txnRef)).status).toBe('paid');
    expect(await reconcileYesterday(t.ctx)).toBe('2026-11-22');
    expect(await reconcileYesterday(t.ctx)).toBeNull();
  });

  it('reconciles the day with the gateway’s list and lists what does not match', async () => {
    sim.inject({ txnRef: 'H46.01-261123-9999-FFFFFF', amount: 10000, status: 'success', paidAt: '2026-11-23T03:00:00.000Z' });
    const director = await bearer(t, 'phuxuan.giamdoc');
    const run = await t.app.inject({ method: 'POST', url: '/api/v1/payments/reconciliations', headers: director, payload: { day: '2026-11-23' } });
    expect(run.statusCode, run.body).toBe(200);
    const report = run.json();
    // Paid online earlier in this file: first, duplicate, down-then-retry, late, awaiting-payment, refresh, citizen, job.
    expect(report.ourCount).toBe(8);
    expect(report.gatewayCount).toBe(9);
    expect(report.matched).toBe(10);
    const admin = await bearer(t, 'admin');
    const list = (await t.app.inject({ url: '/api/v1/payments/reconciliations', headers: admin })).json();
    expect(list.items[0].day).toBe('2026-11-23');
    expect(list.items[0].mismatches).toEqual([expect.objectContaining({ txnRef: 'H46.01-261123-9999-FFFFFF', kind: 'missing_in_motcua', gatewayAmount: 10000, ourAmount: null })]);
    const specialist = await t.app.inject({ url: '/api/v1/payments/reconciliations', headers: await bearer(t, 'phuxuan.chuyenvien') });
    expect(specialist.statusCode).toBe(403);
  });
});
