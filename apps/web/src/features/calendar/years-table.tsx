import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '@motcua/contracts';

type Props = {
  years: CalendarYear[];
  shown: number | null;
  busy: boolean;
  onShow(year: number): void;
  onPropose(year: number): void;
  onConfirm(year: number): void;
};

/** Every year with data plus the next one; an unconfirmed year is flagged, since deadlines crossing it are provisional. */
export function YearsTable({ years, shown, busy, onShow, onPropose, onConfirm }: Props) {
  const { t } = useTranslation();
  const flagged = years.filter((y) => y.flagged);
  return (
    <section aria-labelledby="years-heading">
      <h2 id="years-heading">{t('calendar.yearsHeading')}</h2>
      {flagged.length > 0 && (
        <p className="alert" role="status">
          {t('calendar.flaggedNotice', { years: flagged.map((y) => y.year).join(', ') })}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('calendar.year')}</th>
            <th scope="col">{t('calendar.yearStatus')}</th>
            <th scope="col">{t('calendar.daysOff')}</th>
            <th scope="col">{t('calendar.workingSaturdays')}</th>
            <th scope="col">{t('calendar.proposedDays')}</th>
            <th scope="col">{t('calendar.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} className={y.flagged ? 'cal-flagged' : undefined}>
              <th scope="row">{y.year}</th>
              <td>
                {y.flagged && <span aria-hidden="true">⚠ </span>}
                {t(`calendar.status.${y.status}`)}
                {y.confirmedBy && <span className="cal-muted"> ({t('calendar.confirmedBy', { user: y.confirmedBy })})</span>}
              </td>
              <td>{y.daysOff}</td>
              <td>{y.workingSaturdays}</td>
              <td>{y.proposedDays}</td>
              <td className="cal-actions">
                <button type="button" className="button button-secondary" aria-pressed={shown === y.year} onClick={() => onShow(y.year)}>
                  {t('calendar.show', { year: y.year })}
                </button>
                {y.status !== 'confirmed' && (
                  <button type="button" className="button button-secondary" disabled={busy} onClick={() => onPropose(y.year)}>
                    {t('calendar.propose', { year: y.year })}
                  </button>
                )}
                {y.status === 'proposed' && (
                  <button type="button" className="button" disabled={busy} onClick={() => onConfirm(y.year)}>
                    {t('calendar.confirmYear', { year: y.year })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
