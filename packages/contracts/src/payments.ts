import { z } from 'zod';
import { DossierStatus } from './dossier.ts';

/** Fees and payments of a dossier (amounts in whole đồng). */
export const PaymentMethod = z.enum(['online', 'cash']);
export const PaymentStatus = z.enum(['pending', 'paid', 'failed', 'cancelled', 'refund_due']);

export const PaymentView = z.object({
  id: z.uuid(),
  method: PaymentMethod,
  status: PaymentStatus,
  amount: z.number().int(),
  txnRef: z.string(),
  gatewayTxnId: z.string().nullable(),
  receiptNo: z.string().nullable(),
  /** The gateway could not be reached at the last try (the payment stays pending; try again). */
  gatewayError: z.boolean(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const PaymentSummary = z.object({
  dossierId: z.uuid(),
  dossierCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  dossierStatus: DossierStatus,
  feeLines: z.array(z.object({ label: z.string(), amount: z.number().int() })),
  amountDue: z.number().int(),
  feePaid: z.boolean(),
  /** Why it cannot be paid now, or null when it can. */
  notPayableReason: z.enum(['paid', 'no_fee', 'closed']).nullable(),
  paidBy: PaymentMethod.nullable(),
  payments: z.array(PaymentView),
});
export type PaymentSummary = z.infer<typeof PaymentSummary>;

export const StartPaymentRequest = z.object({ dossierCode: z.string().min(3).max(60) });
export const StartPaymentResponse = z.object({ paymentId: z.uuid(), txnRef: z.string(), amount: z.number().int(), redirectUrl: z.url() });
export type StartPaymentResponse = z.infer<typeof StartPaymentResponse>;

export const CashPaymentRequest = z.object({ dossierId: z.uuid(), amount: z.number().int().min(1).max(10_000_000_000) });

/** The gateway's signed result, as its callback body or the browser's return query. */
export const GatewayResult = z.object({
  merchant: z.string().max(40),
  txnRef: z.string().max(80),
  gatewayTxnId: z.string().max(80),
  amount: z.union([z.string().max(20), z.number()]),
  status: z.string().max(20),
  paidAt: z.string().max(40),
  signature: z.string().max(200),
});
export const GatewayAck = z.object({ code: z.string(), outcome: z.string() });

export const PaymentReturnResult = z.object({
  outcome: z.enum(['applied', 'duplicate', 'failed_recorded', 'refund_due', 'amount_mismatch', 'unknown_payment', 'bad_signature']),
  paymentStatus: PaymentStatus.nullable(),
  dossierCode: z.string().nullable(),
});
export type PaymentReturnResult = z.infer<typeof PaymentReturnResult>;

export const ReconciliationMismatch = z.object({
  txnRef: z.string(),
  kind: z.enum(['missing_in_motcua', 'missing_at_gateway', 'amount_mismatch', 'status_mismatch', 'refund_due']),
  dossierCode: z.string().nullable(),
  centerId: z.string().nullable(),
  gatewayAmount: z.number().nullable(),
  ourAmount: z.number().nullable(),
  gatewayStatus: z.string().nullable(),
  ourStatus: z.string().nullable(),
});
export const ReconciliationView = z.object({
  day: z.string(),
  ranAt: z.string(),
  gatewayCount: z.number().int(),
  gatewayTotal: z.number().int(),
  ourCount: z.number().int(),
  ourTotal: z.number().int(),
  matched: z.number().int(),
  mismatches: z.array(ReconciliationMismatch),
});
export type ReconciliationView = z.infer<typeof ReconciliationView>;
