import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { citizenContactOfDossier } from '../citizen/index.ts';
import { findDossier, findDossierByCode, visibleOr404, type DossierRow } from '../dossier/index.ts';

/**
 * Who may see and pay a dossier's fee: staff who can read the dossier, or the signed-in citizen who
 * filed it online. Anyone else gets the 404 of a missing dossier.
 */
export async function citizenOwns(ctx: Pick<AppContext, 'db'>, citizenId: string, dossierId: string): Promise<boolean> {
  return (await citizenContactOfDossier(ctx.db, dossierId))?.citizenId === citizenId;
}

export async function readableDossier(ctx: Pick<AppContext, 'db'>, actor: Actor, ref: { code: string } | { id: string }): Promise<DossierRow> {
  const d = 'code' in ref ? await findDossierByCode(ctx.db, ref.code) : await findDossier(ctx.db, ref.id);
  if (actor.role === 'citizen') {
    if (!d || !(await citizenOwns(ctx, actor.userId, d.id))) throw notFound('dossier.not_found', 'No such dossier.');
    return d;
  }
  return visibleOr404(actor, d);
}
