import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListedDossier } from './dossier-api.ts';
import { planActions } from './action-plan.ts';
import { DueCell, stateLabel } from './dossier-bits.tsx';

type Props = {
  caption: string;
  items: readonly ListedDossier[];
  /** An extra last column (a sign button, a reassign control…). */
  extra?: { heading: string; cell: (d: ListedDossier) => ReactNode };
  /** Shown instead of the assignee column when given. */
  assignee?: (d: ListedDossier) => string;
  /** A column naming the user's next step on each dossier, so the inbox reads as a to-do list. */
  nextStep?: boolean;
};

function nextOf(d: ListedDossier, t: TFunction<'translation', undefined>): string {
  const primary = planActions(d.allowedActions).primary;
  return primary ? t(`dossier.do.${primary}`) : '—';
}

/** Dossiers in the server's order (soonest deadline first); the code opens the dossier. */
export function DossierTable({ caption, items, extra, assignee, nextStep }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table dossier-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossier.summary.code')}</th>
            <th scope="col">{t('dossier.summary.procedure')}</th>
            <th scope="col">{t('dossier.summary.applicant')}</th>
            <th scope="col">{t('dossier.summary.state')}</th>
            {assignee && <th scope="col">{t('dossier.summary.assignee')}</th>}
            <th scope="col">{t('dossier.summary.due')}</th>
            {nextStep && <th scope="col">{t('dossier.page.next')}</th>}
            {extra && <th scope="col">{extra.heading}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} className={d.badge ? `row-${d.badge}` : undefined}>
              <th scope="row">
                <Link to={`/staff/dossiers/${d.id}`}>{d.code}</Link>
              </th>
              <td>{d.procedureName}</td>
              <td>{d.applicant.fullName}</td>
              <td>{stateLabel(d, t)}</td>
              {assignee && <td>{assignee(d)}</td>}
              <td>
                <DueCell dossier={d} badge={d.badge} />
              </td>
              {nextStep && <td>{nextOf(d, t)}</td>}
              {extra && <td>{extra.cell(d)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
