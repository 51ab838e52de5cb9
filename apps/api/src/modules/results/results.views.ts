import type { PublicResult, ResultView } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { toLocalIso } from '../calendar/index.ts';
import { findCenter } from '../units/index.ts';
import type { ResultWithKey } from './results.repo.ts';

/** The public page a result's QR code opens. */
export const verifyPath = (code: string) => `/xac-thuc/${encodeURIComponent(code)}`;

/** What anyone holding the code may see: issuer, signer, date, hash, certificate. No applicant data. */
export async function toPublicResult(db: Db, r: ResultWithKey): Promise<PublicResult> {
  const center = await findCenter(db, r.centerId);
  return {
    code: r.code,
    dossierCode: r.dossierCode,
    procedureName: r.procedureName,
    issuer: center?.name ?? r.centerId,
    provinceName: center?.provinceName ?? r.provinceCode,
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    signedAt: toLocalIso(r.signedAt),
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    certificate: {
      subject: r.key.subject,
      issuer: r.key.issuer,
      serial: r.key.serial,
      fingerprintSha256: r.key.fingerprintSha256,
      notBefore: toLocalIso(r.key.notBefore),
      notAfter: toLocalIso(r.key.notAfter),
    },
    scheme: r.scheme,
    verifyUrl: verifyPath(r.code),
  };
}

export async function toResultView(db: Db, r: ResultWithKey): Promise<ResultView> {
  return { ...(await toPublicResult(db, r)), id: r.id, dossierId: r.dossierId, n: r.n, pdfUrl: `/api/v1/results/${encodeURIComponent(r.code)}/pdf` };
}
