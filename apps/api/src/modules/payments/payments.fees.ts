import type { FeeLine } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError } from '../../platform/errors.ts';
import { getVersion } from '../catalog/index.ts';
import { FEE_PAYABLE_STATUSES, type DossierRow } from '../dossier/index.ts';
import { feeLinesFor, total } from './payments.rules.ts';

export type FeeDue = { lines: FeeLine[]; amount: number; payable: boolean; reason: 'paid' | 'no_fee' | 'closed' | null };

/** The fee a dossier owes now, from the dossier and its procedure version. */
export async function feeDue(ctx: Pick<AppContext, 'db'>, d: DossierRow): Promise<FeeDue> {
  const lines = feeLinesFor(d, await getVersion(ctx.db, d.procedureVersionId));
  const amount = total(lines);
  const reason = d.feePaid ? 'paid' : amount <= 0 ? 'no_fee' : !(FEE_PAYABLE_STATUSES as readonly string[]).includes(d.status) ? 'closed' : null;
  return { lines, amount, payable: reason === null, reason };
}

/** Throws the problem a citizen or officer should see when the dossier cannot be paid now. */
export function assertPayable(due: FeeDue): void {
  if (due.reason === 'paid') throw conflict('payments.already_paid', 'The fee of this dossier is already paid.');
  if (due.reason === 'no_fee') throw new DomainError('business_rule', 'payments.no_fee', 'This dossier has no fee to pay.');
  if (due.reason === 'closed') throw conflict('payments.not_payable', 'This dossier is closed; its fee can no longer be paid.');
}
