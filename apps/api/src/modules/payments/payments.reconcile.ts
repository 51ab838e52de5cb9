import { desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { GatewayUnavailable, listTransactions, type GatewayTxn } from './gateway.client.ts';
import { gatewayOf } from './payments.online.ts';
import { onlinePaymentsDecidedOn, type PaymentRow } from './payments.repo.ts';
import { localDay } from './payments.rules.ts';
import { paymentReconciliations, payments, type Mismatch } from './payments.tables.ts';
import { findDossier } from '../dossier/index.ts';

export type Reconciliation = typeof paymentReconciliations.$inferSelect;

/** Pure: the gateway's list of a day against our online payments, by reference. */
export function compare(gateway: GatewayTxn[], ours: PaymentRow[], byRef: Map<string, PaymentRow>): { matched: number; mismatches: Omit<Mismatch, 'dossierCode'>[] } {
  const mismatches: Omit<Mismatch, 'dossierCode'>[] = [];
  let matched = 0;
  const row = (kind: Mismatch['kind'], ref: string, g: GatewayTxn | undefined, p: PaymentRow | undefined) =>
    mismatches.push({ txnRef: ref, kind, centerId: p?.centerId ?? null, gatewayAmount: g?.amount ?? null, ourAmount: p?.amount ?? null, gatewayStatus: g?.status ?? null, ourStatus: p?.status ?? null });
  const seen = new Set<string>();
  for (const g of gateway) {
    seen.add(g.txnRef);
    const p = byRef.get(g.txnRef);
    if (!p) {
      if (g.status === 'success') row('missing_in_motcua', g.txnRef, g, undefined);
      continue;
    }
    if (g.status === 'success') {
      if (p.status === 'refund_due') row('refund_due', g.txnRef, g, p);
      else if (p.status !== 'paid') row('status_mismatch', g.txnRef, g, p);
      else if (p.amount !== g.amount) row('amount_mismatch', g.txnRef, g, p);
      else matched++;
    } else if (p.status === 'paid' || p.status === 'refund_due') row('status_mismatch', g.txnRef, g, p);
    else matched++;
  }
  for (const p of ours) if (!seen.has(p.txnRef) && (p.status === 'paid' || p.status === 'refund_due')) row('missing_at_gateway', p.txnRef, undefined, p);
  return { matched, mismatches };
}

/** Reconciles one local day (YYYY-MM-DD) and stores the report; running it again replaces it. */
export async function reconcileDay(ctx: AppContext, day: string): Promise<Reconciliation> {
  let gateway: GatewayTxn[];
  try {
    gateway = await listTransactions(gatewayOf(ctx), day);
  } catch (err) {
    if (err instanceof GatewayUnavailable) throw new DomainError('unavailable', 'payments.gateway_unavailable', 'The payment gateway cannot be reached; the reconciliation will be tried again.');
    throw err;
  }
  const ours = await onlinePaymentsDecidedOn(ctx.db, day);
  const refs = [...new Set([...gateway.map((g) => g.txnRef), ...ours.map((p) => p.txnRef)])];
  const known = refs.length > 0 ? await ctx.db.select().from(payments).where(inArray(payments.txnRef, refs)) : [];
  const { matched, mismatches } = compare(gateway, ours, new Map(known.map((p) => [p.txnRef, p])));
  const withCodes: Mismatch[] = [];
  for (const m of mismatches) {
    const p = known.find((k) => k.txnRef === m.txnRef);
    withCodes.push({ ...m, dossierCode: p ? ((await findDossier(ctx.db, p.dossierId))?.code ?? null) : null });
  }
  const success = gateway.filter((g) => g.status === 'success');
  const paid = ours.filter((p) => p.status === 'paid' || p.status === 'refund_due');
  const report: Reconciliation = {
    day,
    ranAt: ctx.clock.now(),
    gatewayCount: success.length,
    gatewayTotal: success.reduce((s, g) => s + g.amount, 0),
    ourCount: paid.length,
    ourTotal: paid.reduce((s, p) => s + p.amount, 0),
    matched,
    mismatches: withCodes,
  };
  await ctx.db.insert(paymentReconciliations).values(report).onConflictDoUpdate({ target: paymentReconciliations.day, set: { ...report } });
  return report;
}

/** Scheduled: once a day has ended (Vietnam time), reconcile it if no report exists yet. */
export async function reconcileYesterday(ctx: AppContext): Promise<string | null> {
  if (!ctx.config.paymentUrl) return null;
  const day = localDay(new Date(ctx.clock.now().getTime() - 86_400_000));
  const existing = await ctx.db.select({ day: paymentReconciliations.day }).from(paymentReconciliations).where(eq(paymentReconciliations.day, day));
  if (existing.length > 0) return null;
  await reconcileDay(ctx, day);
  return day;
}

export async function listReconciliations(ctx: Pick<AppContext, 'db'>, limit: number): Promise<Reconciliation[]> {
  return ctx.db.select().from(paymentReconciliations).orderBy(desc(paymentReconciliations.day)).limit(limit);
}
