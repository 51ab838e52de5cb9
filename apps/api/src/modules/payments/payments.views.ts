import type { PaymentView, ReconciliationView } from '@motcua/contracts';
import { toLocalIso } from '../calendar/index.ts';
import type { PaymentRow } from './payments.repo.ts';
import type { Reconciliation } from './payments.reconcile.ts';

export const paymentView = (p: PaymentRow): PaymentView => ({
  id: p.id,
  method: p.method,
  status: p.status,
  amount: p.amount,
  txnRef: p.txnRef,
  gatewayTxnId: p.gatewayTxnId,
  receiptNo: p.receiptNo,
  gatewayError: p.gatewayError !== null,
  createdAt: toLocalIso(p.createdAt),
  paidAt: p.paidAt ? toLocalIso(p.paidAt) : null,
});

/** A director sees the lines of their own center; a province admin sees them all. */
export const reconciliationView = (r: Reconciliation, centerId: string | null): ReconciliationView => ({
  day: r.day,
  ranAt: toLocalIso(r.ranAt),
  gatewayCount: r.gatewayCount,
  gatewayTotal: r.gatewayTotal,
  ourCount: r.ourCount,
  ourTotal: r.ourTotal,
  matched: r.matched,
  mismatches: centerId ? r.mismatches.filter((m) => m.centerId === centerId) : r.mismatches,
});
