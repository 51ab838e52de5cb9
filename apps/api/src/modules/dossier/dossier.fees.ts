import { eq, sql } from 'drizzle-orm';
import type { Role } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { outcome } from '../calendar/index.ts';
import { recordEvent } from './dossier.events.ts';
import { updateIfVersion, type DossierPatch, type DossierRow } from './dossier.repo.ts';
import { joinState } from './dossier.states.ts';
import { dossiers } from './dossier.tables.ts';

/** Statuses in which a fee may still be paid: before or during processing, or when payment is what is awaited. */
export const FEE_PAYABLE_STATUSES = ['new', 'received', 'processing', 'supplement_requested', 'awaiting_payment'] as const;

export type FeeSettlement = {
  dossierId: string;
  amount: number;
  method: 'online' | 'cash';
  paymentId: string;
  receiptNo: string | null;
  /** The officer who took cash; null = the payment gateway (system). */
  actor: { userId: string; role: Role } | null;
};

export type FeeSettled = { outcome: 'settled'; dossier: DossierRow } | { outcome: 'already_paid' | 'not_payable'; dossier: DossierRow | null };

/**
 * Records a paid fee inside the payments module's transaction (system-actor use case). A dossier
 * awaiting payment moves on to finished (record_payment); any other payable dossier is only marked
 * paid, with the method kept on the timeline. The row lock makes two settlements of one dossier
 * (cash and a late online callback) queue: the second sees `already_paid`.
 */
export async function settleFeeInTx(tx: Db, deps: Pick<AppContext, 'ids' | 'clock'>, s: FeeSettlement): Promise<FeeSettled> {
  await tx.execute(sql`select id from dossiers where id = ${s.dossierId} for update`);
  const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, s.dossierId));
  if (!d) return { outcome: 'not_payable', dossier: null };
  if (d.feePaid) return { outcome: 'already_paid', dossier: d };
  if (!(FEE_PAYABLE_STATUSES as readonly string[]).includes(d.status)) return { outcome: 'not_payable', dossier: d };
  const now = deps.clock.now();
  const from = joinState(d.status, d.step);
  const finishing = d.status === 'awaiting_payment';
  const patch: DossierPatch = { feePaid: true, feeTotal: d.feeTotal > 0 ? d.feeTotal : s.amount, updatedAt: now };
  if (finishing) {
    Object.assign(patch, { status: 'finished', step: null, finishedAt: now, outcome: d.dueAt ? outcome(now, d.dueAt, { extendedByApology: d.apologyCount > 0 }) : null });
  }
  const updated = await updateIfVersion(tx, d.id, d.version, patch);
  if (!updated) return { outcome: 'already_paid', dossier: d };
  await recordEvent(tx, deps.ids, {
    dossierId: d.id,
    at: now,
    actor: s.actor ?? { userId: null, role: 'system' },
    action: finishing ? 'record_payment' : 'fee_paid',
    fromState: from,
    toState: finishing ? 'finished' : from,
    data: { amountPaid: s.amount, method: s.method, paymentId: s.paymentId, ...(s.receiptNo ? { receiptNo: s.receiptNo } : {}) },
  });
  return { outcome: 'settled', dossier: updated };
}
