import type { AppContext } from '../../platform/context.ts';
import { settleFeeInTx } from '../dossier/index.ts';
import { getOrder } from './gateway.client.ts';
import { verify } from './gateway.signature.ts';
import { gatewayOf } from './payments.online.ts';
import { lockPaymentByRef, recordNotification, stalePending, updatePayment } from './payments.repo.ts';
import type { NotificationOutcome, PaymentStatus } from './payments.tables.ts';

/** The gateway's signed word on one order, as a callback body, return-URL query or status query. */
export type GatewayResult = { merchant: string; txnRef: string; gatewayTxnId: string; amount: string | number; status: string; paidAt: string; signature: string };
export type Applied = { outcome: NotificationOutcome; paymentId: string | null; paymentStatus: PaymentStatus | null; dossierId: string | null };

const finalStatus: Record<string, PaymentStatus> = { success: 'paid', failed: 'failed', cancelled: 'cancelled' };

/**
 * Applies a gateway result exactly once. A forged signature, an unknown reference or an amount
 * that is not the one we asked for changes nothing and is recorded; a repeat (duplicate or late
 * callback, the browser return after the callback) is recorded as a duplicate. A success for a
 * dossier already paid (cash meanwhile) is kept as refund_due, never as a second payment.
 */
export async function applyGatewayResult(ctx: AppContext, source: 'callback' | 'return' | 'query', raw: Record<string, unknown>): Promise<Applied> {
  const now = ctx.clock.now();
  const fields = { merchant: raw.merchant, txnRef: raw.txnRef, gatewayTxnId: raw.gatewayTxnId, amount: raw.amount, status: raw.status, paidAt: raw.paidAt } as Record<string, string>;
  const payload = { ...fields, signature: typeof raw.signature === 'string' ? raw.signature.slice(0, 200) : null };
  const txnRef = typeof raw.txnRef === 'string' ? raw.txnRef.slice(0, 80) : null;
  const signatureValid = fields.merchant === ctx.config.paymentMerchant && verify(ctx.config.paymentSecret, fields, raw.signature);
  const base = { id: ctx.ids.next(), source, txnRef, payload, signatureValid, receivedAt: now };
  if (!signatureValid) {
    await recordNotification(ctx.db, { ...base, paymentId: null, outcome: 'bad_signature' });
    return { outcome: 'bad_signature', paymentId: null, paymentStatus: null, dossierId: null };
  }
  return ctx.db.transaction(async (tx) => {
    const p = txnRef ? await lockPaymentByRef(tx, txnRef) : null;
    const done = async (outcome: NotificationOutcome, status: PaymentStatus | null): Promise<Applied> => {
      await recordNotification(tx, { ...base, paymentId: p?.id ?? null, outcome });
      return { outcome, paymentId: p?.id ?? null, paymentStatus: status, dossierId: p?.dossierId ?? null };
    };
    if (!p || p.method !== 'online') return done('unknown_payment', null);
    if (Number(fields.amount) !== p.amount) return done('amount_mismatch', p.status);
    const target = finalStatus[fields.status ?? ''];
    if (p.status !== 'pending' || !target) return done('duplicate', p.status);
    const patch = { gatewayTxnId: fields.gatewayTxnId ?? p.gatewayTxnId, updatedAt: now };
    if (target !== 'paid') {
      await updatePayment(tx, p.id, { ...patch, status: target });
      return done('failed_recorded', target);
    }
    const paidAt = Number.isNaN(Date.parse(fields.paidAt ?? '')) ? now : new Date(fields.paidAt!);
    const settled = await settleFeeInTx(tx, ctx, { dossierId: p.dossierId, amount: p.amount, method: 'online', paymentId: p.id, receiptNo: null, actor: null });
    const status: PaymentStatus = settled.outcome === 'settled' ? 'paid' : 'refund_due';
    await updatePayment(tx, p.id, { ...patch, status, paidAt });
    return done(status === 'paid' ? 'applied' : 'refund_due', status);
  });
}

/**
 * Asks the gateway about one pending payment and applies its signed answer: recovers a payment
 * whose callback never arrived (gateway down, late). Returns the outcome, or null if nothing changed.
 */
export async function refreshFromGateway(ctx: AppContext, txnRef: string): Promise<Applied | null> {
  const order = await getOrder(gatewayOf(ctx), txnRef);
  if (!order || order.status === 'pending') return null;
  return applyGatewayResult(ctx, 'query', order as unknown as Record<string, unknown>);
}

/** Scheduled: pending online payments older than five minutes are checked with the gateway. */
export async function syncPendingPayments(ctx: AppContext): Promise<{ checked: number; changed: number }> {
  if (!ctx.config.paymentUrl) return { checked: 0, changed: 0 };
  const stale = await stalePending(ctx.db, new Date(ctx.clock.now().getTime() - 5 * 60_000), 50);
  let changed = 0;
  for (const p of stale) {
    try {
      const r = await refreshFromGateway(ctx, p.txnRef);
      if (r && r.outcome !== 'duplicate') changed++;
    } catch (err) {
      ctx.log.warn({ err, txnRef: p.txnRef }, 'payment status query failed; will retry');
      break;
    }
  }
  return { checked: stale.length, changed };
}
