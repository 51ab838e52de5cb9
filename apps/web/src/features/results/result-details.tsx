import { useTranslation } from 'react-i18next';
import type { PublicResult } from '@motcua/contracts';

/** "2026-11-23T09:40:00+07:00" → "09:40, 23/11/2026" (already Vietnam time). */
const when = (iso: string) => `${iso.slice(11, 16)}, ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Who issued and signed a result, when, and the fingerprints to compare. */
export function ResultDetails({ result }: { result: PublicResult }) {
  const { t } = useTranslation();
  const rows: [string, string, boolean?][] = [
    [t('results.fields.code'), result.code],
    [t('results.fields.dossierCode'), result.dossierCode],
    [t('results.fields.procedure'), result.procedureName],
    [t('results.fields.issuer'), `${result.issuer}, ${result.provinceName}`],
    [t('results.fields.signer'), `${result.signerName} (${result.signerTitle})`],
    [t('results.fields.signedAt'), when(result.signedAt)],
    [t('results.fields.sha256'), result.sha256, true],
    [t('results.fields.certificate'), result.certificate.subject],
    [t('results.fields.certificateIssuer'), result.certificate.issuer],
    [t('results.fields.fingerprint'), result.certificate.fingerprintSha256, true],
    [t('results.fields.validity'), `${when(result.certificate.notBefore)} – ${when(result.certificate.notAfter)}`],
  ];
  return (
    <dl className="result-details">
      {rows.map(([label, value, mono]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={mono ? 'mono' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
