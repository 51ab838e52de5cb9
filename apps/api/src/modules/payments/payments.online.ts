import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { createOrder, GatewayUnavailable, type GatewayTarget } from './gateway.client.ts';
import { readableDossier } from './payments.access.ts';
import { assertPayable, feeDue } from './payments.fees.ts';
import { findPayment, insertPayment, updatePayment, type PaymentRow } from './payments.repo.ts';
import { txnRefFor } from './payments.rules.ts';
import { payments } from './payments.tables.ts';

export function gatewayOf(ctx: Pick<AppContext, 'config'>): GatewayTarget {
  if (!ctx.config.paymentUrl) throw new DomainError('unavailable', 'payments.gateway_not_configured', 'Online payment is not configured here; pay at the counter.');
  return { url: ctx.config.paymentUrl, secret: ctx.config.paymentSecret, merchant: ctx.config.paymentMerchant };
}

/** Where the gateway calls us back (server to server). */
export const notifyUrlOf = (ctx: Pick<AppContext, 'config'>) => `${ctx.config.publicOrigin ?? `http://127.0.0.1:${ctx.config.port}`}/api/v1/payments/gateway/notify`;

/**
 * Starts (or retries) paying a dossier online. The pending payment is committed first, then the
 * gateway is asked for its pay page; if it is down the payment stays pending with the error noted,
 * the dossier stays payable, and trying again reuses the same reference (the gateway is idempotent on it).
 */
export async function startOnlinePayment(ctx: AppContext, actor: Actor, code: string, returnUrl: string): Promise<{ payment: PaymentRow; redirectUrl: string }> {
  const d = await readableDossier(ctx, actor, { code });
  const due = await feeDue(ctx, d);
  assertPayable(due);
  const gateway = gatewayOf(ctx);
  const now = ctx.clock.now();
  const payment = await ctx.db.transaction(async (tx) => {
    const open = (await tx.select().from(payments).where(and(eq(payments.dossierId, d.id), eq(payments.method, 'online'), eq(payments.status, 'pending')))).find((p) => p.amount === due.amount);
    if (open) return open;
    return insertPayment(tx, {
      id: ctx.ids.next(),
      dossierId: d.id,
      provinceCode: d.provinceCode,
      centerId: d.centerId,
      method: 'online',
      status: 'pending',
      amount: due.amount,
      feeLines: due.lines,
      txnRef: txnRefFor(d.code, ctx.ids.next()),
      payerName: d.applicant.fullName,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
  });
  try {
    const order = await createOrder(gateway, { txnRef: payment.txnRef, amount: payment.amount, orderInfo: `Thanh toan phi, le phi ho so ${d.code}`, returnUrl, notifyUrl: notifyUrlOf(ctx) });
    const updated = await updatePayment(ctx.db, payment.id, { payUrl: order.payUrl, gatewayTxnId: order.gatewayTxnId, gatewayError: null, updatedAt: ctx.clock.now() });
    return { payment: updated, redirectUrl: order.payUrl };
  } catch (err) {
    if (!(err instanceof GatewayUnavailable)) throw err;
    ctx.log.warn({ err, txnRef: payment.txnRef }, 'payment gateway unavailable');
    await updatePayment(ctx.db, payment.id, { gatewayError: err.message.slice(0, 300), updatedAt: ctx.clock.now() });
    throw new DomainError('unavailable', 'payments.gateway_unavailable', 'The payment gateway cannot be reached right now. Nothing was charged; try again in a few minutes or pay at the counter.', {
      details: { paymentId: payment.id, txnRef: payment.txnRef },
    });
  }
}

export { findPayment };
