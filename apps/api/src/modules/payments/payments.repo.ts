import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { paymentNotifications, payments, receiptSequences } from './payments.tables.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type NotificationRow = typeof paymentNotifications.$inferInsert;

export async function insertPayment(tx: Db, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [inserted] = await tx.insert(payments).values(row).returning();
  return inserted!;
}

export async function findPayment(db: Db, id: string): Promise<PaymentRow | null> {
  return (await db.select().from(payments).where(eq(payments.id, id)))[0] ?? null;
}

/** The payment with our reference, locked until the transaction ends (callbacks queue here). */
export async function lockPaymentByRef(tx: Db, txnRef: string): Promise<PaymentRow | null> {
  return (await tx.select().from(payments).where(eq(payments.txnRef, txnRef)).for('update'))[0] ?? null;
}

export async function findPaymentByRef(db: Db, txnRef: string): Promise<PaymentRow | null> {
  return (await db.select().from(payments).where(eq(payments.txnRef, txnRef)))[0] ?? null;
}

export async function paymentsOfDossier(db: Db, dossierId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(desc(payments.createdAt));
}

export async function updatePayment(tx: Db, id: string, patch: Partial<PaymentRow>): Promise<PaymentRow> {
  const [row] = await tx.update(payments).set(patch).where(eq(payments.id, id)).returning();
  return row!;
}

export async function recordNotification(tx: Db, row: NotificationRow): Promise<void> {
  await tx.insert(paymentNotifications).values(row);
}

/**
 * Next cash receipt number of a center's year, inside the payment's transaction: the row lock
 * queues concurrent payments and a rolled-back payment gives its number back, so there are no gaps.
 */
export async function nextReceiptSeq(tx: Db, centerId: string, year: number): Promise<number> {
  const rows = rowsOf<{ last_seq: number }>(
    await tx.execute(sql`
      insert into receipt_sequences (center_id, year, last_seq) values (${centerId}, ${year}, 1)
      on conflict (center_id, year) do update set last_seq = receipt_sequences.last_seq + 1
      returning last_seq`),
  );
  return Number(rows[0]!.last_seq);
}

/** Online payments decided (paid, failed, refund due) on a local day, for reconciliation. */
export async function onlinePaymentsDecidedOn(db: Db, day: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.method, 'online'), sql`${payments.status} <> 'pending'`, sql`((coalesce(${payments.paidAt}, ${payments.updatedAt}) at time zone 'Asia/Ho_Chi_Minh')::date) = ${day}::date`))
    .orderBy(asc(payments.txnRef));
}

/** Online payments still pending after `olderThan`, oldest first: candidates for a status query. */
export async function stalePending(db: Db, olderThan: Date, limit: number): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.method, 'online'), eq(payments.status, 'pending'), sql`${payments.createdAt} < ${olderThan.toISOString()}::timestamptz`, sql`${payments.payUrl} is not null`))
    .orderBy(asc(payments.createdAt))
    .limit(limit);
}

export { receiptSequences };
