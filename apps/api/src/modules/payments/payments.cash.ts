import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { canWork, settleFeeInTx } from '../dossier/index.ts';
import { findCenter } from '../units/index.ts';
import { readableDossier } from './payments.access.ts';
import { assertPayable, feeDue } from './payments.fees.ts';
import { insertPayment, nextReceiptSeq, type PaymentRow } from './payments.repo.ts';
import { localDay, receiptNumber } from './payments.rules.ts';

const cashiers = new Set(['counter_officer', 'leader', 'director']);

/**
 * Cash at the counter: one transaction takes the next receipt number of the officer's center and
 * year, records the paid payment and settles the dossier. Anything failing rolls the number back.
 */
export async function payCash(ctx: AppContext, actor: Actor, dossierId: string, amount: number): Promise<PaymentRow> {
  const d = await readableDossier(ctx, actor, { id: dossierId });
  if (!cashiers.has(actor.role) || !actor.centerId || !canWork(actor, d)) throw forbidden('payments.cash_not_allowed', 'Only counter staff of the center take cash.');
  const due = await feeDue(ctx, d);
  assertPayable(due);
  if (amount !== due.amount) {
    throw new DomainError('validation', 'payments.wrong_amount', `The fee of this dossier is ${due.amount} đồng.`, { errors: [{ path: 'amount', message: `must be ${due.amount}` }] });
  }
  const center = await findCenter(ctx.db, actor.centerId);
  if (!center) throw notFound('units.center_not_found', 'Your center is not in the database.');
  const now = ctx.clock.now();
  const year = Number(localDay(now).slice(0, 4));
  return ctx.db.transaction(async (tx) => {
    const receiptNo = receiptNumber(center.agencyCode, year, await nextReceiptSeq(tx, center.id, year));
    const id = ctx.ids.next();
    const settled = await settleFeeInTx(tx, ctx, { dossierId: d.id, amount, method: 'cash', paymentId: id, receiptNo, actor: { userId: actor.userId, role: actor.role } });
    if (settled.outcome === 'already_paid') throw conflict('payments.already_paid', 'The fee of this dossier is already paid.');
    if (settled.outcome !== 'settled') throw conflict('payments.not_payable', 'This dossier is closed; its fee can no longer be paid.');
    return insertPayment(tx, {
      id,
      dossierId: d.id,
      provinceCode: d.provinceCode,
      centerId: center.id,
      method: 'cash',
      status: 'paid',
      amount,
      feeLines: due.lines,
      txnRef: receiptNo,
      receiptNo,
      payerName: d.applicant.fullName,
      createdBy: actor.userId,
      createdAt: now,
      paidAt: now,
      updatedAt: now,
    });
  });
}
