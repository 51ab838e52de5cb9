import { useTranslation } from 'react-i18next';
import type { ActivityFigures } from '@motcua/contracts';

const rows = ['received', 'handled', 'early', 'onTime', 'late', 'inProgress', 'returned', 'avgProcessingDays', 'online', 'paidOnline', 'eResult', 'digitized', 'reused', 'rated', 'dissatisfied', 'petitions', 'petitionsOnTime', 'noAppointmentSameDay', 'outreach', 'outreachOnSpot'] as const;

export function ActivityTable({ activity }: { activity: ActivityFigures }) {
  const { t } = useTranslation('reports');
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('activity.heading')}</h2>
      <table className="table report-activity">
        <caption className="visually-hidden">{t('activity.heading')}</caption>
        <tbody>
          {rows.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`activity.${k}`)}</th>
              <td>{activity[k] === null ? '—' : activity[k].toLocaleString('vi-VN')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
