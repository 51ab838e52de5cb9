import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { ExportLinks } from './export-links.tsx';
import { periodFrom } from './period-form.tsx';
import { reportsApi } from './reports-api.ts';
import { ReportStatus } from './report-status.tsx';
import { thisMonth, useReport } from './use-report.ts';
import './reports.css';

const SETS = ['missing', 'numerator', 'denominator'] as const;
const LIMIT = 200;
const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** "Show me the 12 late dossiers that cost 0.4 points": the dossiers behind one indicator. */
export function DrillPage() {
  const { t } = useTranslation('reports');
  useDocumentTitle(t('title'));
  return <SignedIn>{() => <Drill />}</SignedIn>;
}

function Drill() {
  const { t } = useTranslation('reports');
  const [params] = useSearchParams();
  const period = periodFrom(params, thisMonth());
  const unitCode = params.get('unitCode') ?? undefined;
  const indicator = params.get('indicator') ?? '2.1';
  const set = SETS.find((s) => s === params.get('set')) ?? 'missing';
  const list = useReport(`${unitCode}|${indicator}|${set}|${period.from}|${period.to}`, (signal) => reportsApi.drill({ ...period, unitCode, indicator, set, limit: LIMIT }, signal));
  const hrefFor = (s: string) => `?${new URLSearchParams({ ...(unitCode ? { unitCode } : {}), indicator, set: s, from: period.from, to: period.to }).toString()}`;
  const back = unitCode ? `/province/reports/units/${unitCode}?from=${period.from}&to=${period.to}` : `/reports?from=${period.from}&to=${period.to}`;
  return (
    <>
      <h1>{t('drill.heading', { id: indicator })}</h1>
      <p>
        <Link to={back}>{t('drill.back')}</Link>
      </p>
      <nav aria-label={t('drill.heading', { id: indicator })}>
        <ul className="report-tabs">
          {SETS.map((s) => (
            <li key={s}>
              <Link to={hrefFor(s)} aria-current={s === set ? 'page' : undefined}>
                {t(`drill.set.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ReportStatus state={list} />
      {list.status === 'ready' && (
        <>
          <p className="lead">{t('drill.lead', { total: list.data.total, points: list.data.pointsAtStake.toLocaleString('vi-VN') })}</p>
          {list.data.rows.length === 0 ? (
            <p className="note">{t('drill.empty')}</p>
          ) : (
            <div className="report-scroll">
              <table className="table">
                <caption className="visually-hidden">{t('drill.heading', { id: indicator })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('drill.code')}</th>
                    <th scope="col">{t('drill.procedure')}</th>
                    <th scope="col">{t('drill.receivedAt')}</th>
                    <th scope="col">{t('drill.dueAt')}</th>
                    <th scope="col">{t('drill.finishedAt')}</th>
                    <th scope="col">{t('drill.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.rows.map((r) => (
                    <tr key={r.code}>
                      <th scope="row">{r.dossierId ? <Link to={`/staff/dossiers/${r.dossierId}`}>{r.code}</Link> : r.code}</th>
                      <td>{r.procedureName}</td>
                      <td>{day(r.receivedAt)}</td>
                      <td>{day(r.dueAt)}</td>
                      <td>{day(r.finishedAt)}</td>
                      <td>{r.outcome ?? r.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data.total > list.data.rows.length && <p className="note">{t('drill.more', { shown: list.data.rows.length })}</p>}
          <ExportLinks label={t('export.heading')} params={{ table: 'drill', indicator, set, unitCode, from: period.from, to: period.to }} />
        </>
      )}
    </>
  );
}
