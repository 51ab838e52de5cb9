import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FeeLine } from '@motcua/contracts';

export type PaymentMethod = 'online' | 'cash';
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled' | 'refund_due';

/** One attempt to pay a dossier's fee: online through the gateway, or cash at the counter. Amounts in đồng. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id').notNull(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    status: text('status').$type<PaymentStatus>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    feeLines: jsonb('fee_lines').$type<FeeLine[]>().notNull(),
    /** Our reference sent to the gateway (unique); for cash, the receipt number. */
    txnRef: text('txn_ref').notNull(),
    gatewayTxnId: text('gateway_txn_id'),
    payUrl: text('pay_url'),
    /** Why the gateway could not be reached the last time we tried (the payment stays pending). */
    gatewayError: text('gateway_error'),
    receiptNo: text('receipt_no'),
    payerName: text('payer_name').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payments_txn_ref_uq').on(t.txnRef),
    uniqueIndex('payments_receipt_no_uq').on(t.receiptNo),
    index('payments_dossier_idx').on(t.dossierId, t.createdAt),
    index('payments_center_paid_idx').on(t.centerId, t.paidAt),
    uniqueIndex('payments_one_paid_uq').on(t.dossierId).where(sql`${t.status} = 'paid'`),
  ],
);

export const receiptSequences = pgTable(
  'receipt_sequences',
  {
    centerId: uuid('center_id').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.year] })],
);

export type NotificationOutcome = 'applied' | 'duplicate' | 'failed_recorded' | 'bad_signature' | 'amount_mismatch' | 'unknown_payment' | 'refund_due';

export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id'),
    source: text('source', { enum: ['callback', 'return', 'query'] }).notNull(),
    txnRef: text('txn_ref'),
    payload: jsonb('payload').notNull(),
    signatureValid: boolean('signature_valid').notNull(),
    outcome: text('outcome').$type<NotificationOutcome>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_notifications_payment_idx').on(t.paymentId, t.receivedAt)],
);

export type Mismatch = {
  txnRef: string;
  kind: 'missing_in_motcua' | 'missing_at_gateway' | 'amount_mismatch' | 'status_mismatch' | 'refund_due';
  dossierCode: string | null;
  centerId: string | null;
  gatewayAmount: number | null;
  ourAmount: number | null;
  gatewayStatus: string | null;
  ourStatus: string | null;
};

export const paymentReconciliations = pgTable('payment_reconciliations', {
  day: date('day', { mode: 'string' }).primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  gatewayCount: integer('gateway_count').notNull(),
  gatewayTotal: bigint('gateway_total', { mode: 'number' }).notNull(),
  ourCount: integer('our_count').notNull(),
  ourTotal: bigint('our_total', { mode: 'number' }).notNull(),
  matched: integer('matched').notNull(),
  mismatches: jsonb('mismatches').$type<Mismatch[]>().notNull(),
});
