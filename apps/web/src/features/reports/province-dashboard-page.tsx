import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { ExportLinks } from './export-links.tsx';
import { ImportPanel } from './import-panel.tsx';
import { PeriodForm, periodFrom } from './period-form.tsx';
import { reportsApi, type Period } from './reports-api.ts';
import { ReportStatus } from './report-status.tsx';
import { TrendChart } from './trend-chart.tsx';
import { thisMonth, useReport } from './use-report.ts';
import './reports.css';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

/** The province admin's dashboard: every commune ranked, the province trend, exports and the import. */
export function ProvinceDashboardPage() {
  const { t } = useTranslation('reports');
  useDocumentTitle(t('provinceHeading'));
  return <SignedIn>{(me) => <ProvinceDashboard me={me} />}</SignedIn>;
}

function ProvinceDashboard({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params, thisMonth());
  const [version, setVersion] = [params.get('v') ?? '0', (v: string) => setParams({ from: period.from, to: period.to, v })];
  const board = useReport(`${period.from}|${period.to}|${version}`, (signal) => reportsApi.leaderboard(period, signal));
  const trend = useReport(`${period.to}|${version}`, (signal) => reportsApi.trend({ unitCode: me.province.code, to: period.to, months: 6 }, signal));
  const setPeriod = (p: Period) => setParams({ from: p.from, to: p.to });
  const unitHref = (code: string) => `/province/reports/units/${code}?from=${period.from}&to=${period.to}`;
  return (
    <>
      <h1>{t('provinceHeading')}</h1>
      <p className="lead">{me.province.fullName}</p>
      <PeriodForm key={`${period.from}|${period.to}`} period={period} onChange={setPeriod} />
      <ReportStatus state={board} />
      {board.status === 'ready' &&
        (board.data.rows.length === 0 ? (
          <p className="note">{t('board.empty')}</p>
        ) : (
          <section aria-labelledby="board-heading">
            <h2 id="board-heading">{t('provinceHeading')}</h2>
            <div className="report-scroll">
              <table className="table">
                <caption className="visually-hidden">{t('provinceHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('board.rank')}</th>
                    <th scope="col">{t('board.unit')}</th>
                    <th scope="col">{t('board.total')}</th>
                    <th scope="col">{t('board.stars')}</th>
                    <th scope="col">{t('board.received')}</th>
                    <th scope="col">{t('board.onTimeRate')}</th>
                    <th scope="col">{t('board.onlineRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.data.rows.map((r) => (
                    <tr key={r.unitCode}>
                      <td>{r.rank}</td>
                      <th scope="row">
                        <Link to={unitHref(r.unitCode)}>{r.unitName}</Link>
                      </th>
                      <td>
                        {r.total.toLocaleString('vi-VN', { maximumFractionDigits: 2 })} <span className="note">({t(`band.${r.band}`)})</span>
                      </td>
                      <td aria-label={t('score.stars', { count: r.stars })}>{'★'.repeat(r.stars)}</td>
                      <td>{r.received.toLocaleString('vi-VN')}</td>
                      <td>{pct(r.onTimeRate)}</td>
                      <td>{pct(r.onlineRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ExportLinks label={t('export.heading')} params={{ table: 'leaderboard', from: period.from, to: period.to }} />
          </section>
        ))}
      {trend.status === 'ready' && <TrendChart trend={trend.data} title={t('board.trend')} />}
      <ImportPanel onImported={() => setVersion(String(Number(version) + 1))} />
    </>
  );
}
