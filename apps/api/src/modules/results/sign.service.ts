import type { SignRequest } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { getVersion } from '../catalog/index.ts';
import { act, findDossier, visibleOr404, type DossierRow } from '../dossier/index.ts';
import { findCenter } from '../units/index.ts';
import { ensureSignerKey, loadP12, signerTitles } from './keys.ts';
import { SCHEME, signPdf } from './pdf-signature.ts';
import { drawResult } from './result-pdf.ts';
import { verifyPath } from './results.views.ts';
import { insertResult, nextResultNumber, type ResultRow } from './results.repo.ts';

/**
 * The leader's one-click sign: the dossier's `approve` action and the signed e-result commit
 * together — the result number is taken, the PDF drawn and signed, stored, recorded, and its hash
 * written into the approval event of the hash-chained timeline, all in the action's transaction.
 */
export async function signResult(ctx: AppContext, actor: Actor, dossierId: string, req: SignRequest, origin: string): Promise<{ dossier: DossierRow; result: ResultRow }> {
  if (!(actor.role in signerTitles)) throw forbidden('results.not_a_signer', 'Only a leader or the center director signs results.');
  const found = visibleOr404(actor, await findDossier(ctx.db, dossierId));
  const [version, center] = await Promise.all([getVersion(ctx.db, found.procedureVersionId), findCenter(ctx.db, found.competentCenterId)]);
  if (!center) throw notFound('units.center_not_found', 'The competent center is not in the database.');
  const key = await ensureSignerKey(ctx, actor);
  const p12 = await loadP12(ctx, key);
  const signerTitle = signerTitles[actor.role]!;

  let result: ResultRow | null = null;
  let written: string | null = null;
  try {
    const dossier = await act(
      ctx,
      actor,
      dossierId,
      { action: 'approve', ...(req.expectedVersion !== undefined ? { expectedVersion: req.expectedVersion } : {}), ...(req.reason ? { reason: req.reason } : {}) },
      {
        inTransaction: async (tx, d) => {
          const n = await nextResultNumber(tx, d.id);
          const code = `${d.code}-KQ${n}`;
          const signedAt = ctx.clock.now();
          const sheet = await drawResult({
            code,
            dossier: d,
            version,
            center,
            signerName: actor.fullName,
            signerTitle,
            certificateFingerprint: key.fingerprintSha256,
            signedAt,
            note: req.reason ?? null,
            verifyUrl: `${origin}${verifyPath(code)}`,
          });
          const pdf = await signPdf(sheet.doc, { p12, passphrase: key.passphrase }, { code, signerName: actor.fullName, location: center.name, contact: center.agencyCode, signedAt });
          const fileKey = `results/${d.id}/kq${n}.pdf`;
          const stored = await ctx.storage.put(fileKey, pdf, 'application/pdf');
          written = fileKey;
          result = {
            id: ctx.ids.next(),
            code,
            dossierId: d.id,
            n,
            provinceCode: d.provinceCode,
            centerId: center.id,
            dossierCode: d.code,
            procedureName: d.procedureName,
            fileKey,
            sha256: stored.sha256,
            sizeBytes: pdf.byteLength,
            signerId: actor.userId,
            signerName: actor.fullName,
            signerTitle,
            keyId: key.id,
            scheme: SCHEME,
            signedAt,
          };
          await insertResult(tx, result);
          return { result: { code, sha256: result.sha256, certificate: key.fingerprintSha256 } };
        },
      },
    );
    return { dossier, result: result! };
  } catch (err) {
    // The file was written before a rollback: it belongs to no result, so it goes.
    if (written) await ctx.storage.delete(written).catch(() => {});
    throw err;
  }
}
