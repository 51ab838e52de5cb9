import { useTranslation } from 'react-i18next';
import type { DossierView } from '@motcua/contracts';
import { resultsApi, verifyPageUrl } from '../results/results-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';
import { formatDateTime } from './format.ts';
import { useLoad } from './use-load.ts';

const SIGNED_STATUSES = new Set(['awaiting_payment', 'finished', 'returned']);

/** The signed e-results of a dossier, once a leader has signed; each opens as PDF and can be verified. */
export function ResultsList({ dossier }: { dossier: DossierView }) {
  const { t } = useTranslation();
  const signed = dossier.step === 'approved' || SIGNED_STATUSES.has(dossier.status);
  // The version in the key reloads the list after every action on the page.
  const results = useLoad(signed ? `${dossier.id}:${dossier.version}` : null, (signal) => resultsApi.ofDossier(dossier.id, signal));
  if (!signed) return null;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('dossier.page.results')}</h2>
      {results.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {results.status === 'failed' && <p className="alert">{dossierErrorMessage(results.error, t)}</p>}
      {results.status === 'ready' &&
        (results.data.items.length === 0 ? (
          <p className="note">{t('dossier.page.noResults')}</p>
        ) : (
          <ul className="form-links">
            {results.data.items.map((r) => (
              <li key={r.code}>
                <a href={r.pdfUrl} target="_blank" rel="noopener">
                  {t('dossier.page.resultLink', { code: r.code })}
                </a>{' '}
                · {t('dossier.page.signedBy', { name: r.signerName, title: r.signerTitle, when: formatDateTime(r.signedAt) })} ·{' '}
                <a href={verifyPageUrl(r.code)}>{t('dossier.page.verify')}</a>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
