import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dossierApi } from './dossier-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';
import { useLoad } from './use-load.ts';

/**
 * The "no extra paper" report on the director's page: every supplement request that asked for a
 * document outside the official list, with the legal reason written for it.
 */
export function ExtraPaperReport() {
  const { t } = useTranslation();
  const report = useLoad('extra-paper', (signal) => dossierApi.extraPaper(signal));
  return (
    <section aria-labelledby="extra-paper-heading">
      <h2 id="extra-paper-heading">{t('dossier.workload.extraPaper')}</h2>
      {report.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {report.status === 'failed' && <p className="alert">{dossierErrorMessage(report.error, t)}</p>}
      {report.status === 'ready' &&
        (report.data.items.length === 0 ? (
          <p className="note">{t('dossier.workload.extraPaperNone')}</p>
        ) : (
          <ul className="form-links">
            {report.data.items.map((r) => (
              <li key={`${r.dossierId}-${r.at}`}>
                <Link to={`/staff/dossiers/${r.dossierId}`}>{r.code}</Link> · {r.actorName ?? '—'} ·{' '}
                {r.documents.map((d) => t('dossier.workload.extraPaperItem', { name: d.name, reason: d.legalReason })).join('; ')}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
