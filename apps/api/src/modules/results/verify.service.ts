import type { VerifyResponse } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { sha256Hex } from '../../platform/storage/storage.ts';
import { fingerprint } from './certificates.ts';
import { findAuthority, findResultByCode, findResultBySha } from './results.repo.ts';
import { inspectSignature, issuedBy } from './pdf-signature.ts';
import { toPublicResult } from './results.views.ts';

/**
 * Checks an uploaded PDF against the results issued here. Valid only when it is byte for byte an
 * issued result (its SHA-256 is on record) and its signature checks out. A file that names an issued
 * result but differs from it is tampered, and the checks say how: content changed under the
 * signature, bytes appended after signing (an incremental update), or a different file. Anything
 * else is unknown: we cannot vouch for what we did not issue.
 */
export async function verifyPdf(ctx: Pick<AppContext, 'db'>, pdf: Uint8Array): Promise<VerifyResponse> {
  const sha256 = sha256Hex(pdf);
  const sig = inspectSignature(pdf);
  const exact = await findResultBySha(ctx.db, sha256);
  const claimed = exact ?? (sig.code ? await findResultByCode(ctx.db, sig.code) : null);
  const ca = claimed ? await findAuthority(ctx.db, claimed.provinceCode) : null;
  const signerCert = sig.certificates.find((c) => fingerprint(c) === sig.signerFingerprint);
  const certificateKnown = Boolean(claimed && ca && signerCert && sig.signerFingerprint === claimed.key.fingerprintSha256 && issuedBy(signerCert, ca.certificatePem));
  const checks = { sha256, signaturePresent: sig.present, signatureValid: sig.valid, coversWholeFile: sig.coversWholeFile, certificateKnown, hashMatches: exact !== null };

  if (!claimed) return { verdict: 'unknown', reason: sig.present ? 'not_issued_here' : 'no_signature', result: null, checks };
  const result = await toPublicResult(ctx.db, claimed);
  if (exact && sig.valid && sig.coversWholeFile && certificateKnown) return { verdict: 'valid', reason: 'exact_match', result, checks };
  const reason = !sig.present ? 'no_signature' : !sig.valid ? 'content_changed' : !sig.coversWholeFile ? 'modified_after_signing' : 'different_file';
  return { verdict: 'tampered', reason, result, checks };
}
