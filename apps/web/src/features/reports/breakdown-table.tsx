import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from './export-links.tsx';
import { reportsApi, type Breakdown, type Period } from './reports-api.ts';
import { ReportStatus } from './report-status.tsx';
import { useReport } from './use-report.ts';

const BYS = ['procedure', 'sector', 'officer'] as const;

/** The unit's activity per procedure, sector or officer, with the same downloads as every table. */
export function BreakdownTable({ unitCode, period }: { unitCode: string; period: Period }) {
  const { t } = useTranslation('reports');
  const id = useId();
  const [by, setBy] = useState<Breakdown['by']>('procedure');
  const data = useReport(`${unitCode}|${by}|${period.from}|${period.to}`, (signal) => reportsApi.breakdown({ ...period, unitCode, by }, signal));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('breakdown.heading')}</h2>
      <p>
        <label htmlFor={`${id}-by`}>{t('breakdown.by')}</label>{' '}
        <select id={`${id}-by`} value={by} onChange={(e) => setBy(BYS.find((b) => b === e.target.value) ?? 'procedure')}>
          {BYS.map((b) => (
            <option key={b} value={b}>
              {t(`breakdown.${b}`)}
            </option>
          ))}
        </select>
      </p>
      <ReportStatus state={data} />
      {data.status === 'ready' && (
        <>
          <div className="report-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('breakdown.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`breakdown.${by}`)}</th>
                  <th scope="col">{t('activity.received')}</th>
                  <th scope="col">{t('activity.handled')}</th>
                  <th scope="col">{t('activity.onTime')}</th>
                  <th scope="col">{t('activity.late')}</th>
                  <th scope="col">{t('activity.online')}</th>
                  <th scope="col">{t('activity.avgProcessingDays')}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{r.received}</td>
                    <td>{r.handled}</td>
                    <td>{r.onTime}</td>
                    <td>{r.late}</td>
                    <td>{r.online}</td>
                    <td>{r.avgProcessingDays === null ? '—' : r.avgProcessingDays.toLocaleString('vi-VN')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ExportLinks label={t('export.heading')} params={{ table: 'breakdown', by, unitCode, from: period.from, to: period.to }} />
        </>
      )}
    </section>
  );
}
