import { and, eq, sql } from 'drizzle-orm';
import type { IntakeRequest } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { intakeAtCounter } from './dossier.intake.ts';
import { findDossier, type DossierRow } from './dossier.repo.ts';
import { intakeKeys } from './dossier.tables.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'log'>;

/**
 * Counter intake under the client's Idempotency-Key. The key is locked for the transaction, so a
 * retry racing the first attempt waits for it and then finds its dossier. The same key with another
 * procedure or applicant is a client bug, refused rather than answered with someone else's dossier.
 */
export async function intakeOnce(deps: Deps, actor: Actor, input: IntakeRequest, key: string): Promise<{ row: DossierRow; replayed: boolean }> {
  const centerId = actor.centerId;
  if (!centerId) throw forbidden('dossier.intake_not_allowed', 'Only counter staff of a center receive dossiers.');
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`intake:${centerId}:${key}`}, 0))`);
    const [prior] = await tx.select().from(intakeKeys).where(and(eq(intakeKeys.centerId, centerId), eq(intakeKeys.key, key)));
    if (prior) {
      if (prior.procedureCode !== input.procedureCode || prior.idNumber !== input.applicant.idNumber) {
        throw conflict('dossier.idempotency_key_reused', 'This Idempotency-Key was used for another intake; send a new key for a new dossier.');
      }
      return { row: (await findDossier(tx, prior.dossierId))!, replayed: true };
    }
    const row = await intakeAtCounter({ ...deps, db: tx }, actor, input);
    await tx.insert(intakeKeys).values({ centerId, key, dossierId: row.id, procedureCode: input.procedureCode, idNumber: input.applicant.idNumber, createdAt: deps.clock.now() });
    return { row, replayed: false };
  });
}
