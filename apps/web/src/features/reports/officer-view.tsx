import { useTranslation } from 'react-i18next';
import { reportsApi, type Period } from './reports-api.ts';
import { ReportStatus } from './report-status.tsx';
import { useReport } from './use-report.ts';

/** The signed-in officer's own figures over the same period. */
export function OfficerView({ period }: { period: Period }) {
  const { t } = useTranslation('reports');
  const mine = useReport(`${period.from}|${period.to}`, (signal) => reportsApi.officer(period, signal));
  const rows = mine.status === 'ready' ? ([
    ['handled', mine.data.handled],
    ['onTime', mine.data.onTime],
    ['late', mine.data.late],
    ['open', mine.data.open],
    ['openLate', mine.data.openLate],
    ['avg', mine.data.avgProcessingDays],
  ] as const) : [];
  return (
    <section aria-labelledby="officer-heading">
      <h2 id="officer-heading">{t('officer.heading')}</h2>
      <ReportStatus state={mine} />
      {rows.length > 0 && (
        <table className="table report-activity">
          <caption className="visually-hidden">{t('officer.heading')}</caption>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{t(`officer.${k}`)}</th>
                <td>{v === null ? '—' : v.toLocaleString('vi-VN')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
