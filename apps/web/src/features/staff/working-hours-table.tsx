import { useTranslation } from 'react-i18next';
import type { WorkingHours } from '@motcua/contracts';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** One row per ISO weekday; a day missing from the data is closed. */
export function WorkingHoursTable({ hours }: { hours: WorkingHours }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <caption className="visually-hidden">{t('staff.workingHours')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.weekday')}</th>
          <th scope="col">{t('staff.periods')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day) => {
          const periods = hours[day] ?? [];
          return (
            <tr key={day}>
              <th scope="row">{t(`weekdays.${day}`)}</th>
              <td>
                {periods.length === 0
                  ? t('staff.closed')
                  : periods.map((period) => `${period.start}–${period.end}`).join(', ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
