import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dossierApi } from './dossier-api.ts';
import { DueText } from './dossier-bits.tsx';
import { dossierErrorMessage } from './dossier-errors.ts';
import { stateName } from './timeline-list.tsx';
import { useLoad } from './use-load.ts';

/**
 * Form 04 drafts the system prepared one working day before a deadline that will be missed. The
 * leader opens the dossier, chooses the single new date and signs the apology there.
 */
export function ApologyDrafts() {
  const { t, i18n } = useTranslation();
  const drafts = useLoad('drafts', (signal) => dossierApi.apologyDrafts(signal));
  if (drafts.status === 'loading') return null;
  if (drafts.status === 'failed') return <p className="alert">{dossierErrorMessage(drafts.error, t)}</p>;
  if (drafts.data.items.length === 0) return null;
  return (
    <section aria-labelledby="apology-heading">
      <h2 id="apology-heading">{t('dossier.approvals.apologies')}</h2>
      <p>{t('dossier.approvals.apologiesLead')}</p>
      <ul className="form-links">
        {drafts.data.items.map((d) => (
          <li key={d.dossierId}>
            <Link to={`/staff/dossiers/${d.dossierId}`}>{d.code}</Link> · {d.applicantName} · {t('dossier.summary.due')}: <DueText iso={d.dueAt} /> ·{' '}
            {t('dossier.approvals.cause', { state: stateName(d.causeState, t), hours: d.causeWorkingHours.toLocaleString(i18n.language) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
