import { useParams, useSearchParams, Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { ActivityTable } from './activity-table.tsx';
import { BreakdownTable } from './breakdown-table.tsx';
import { ExportLinks } from './export-links.tsx';
import { OfficerView } from './officer-view.tsx';
import { PeriodForm, periodFrom } from './period-form.tsx';
import { monthlyPdfUrl, reportsApi, type Period } from './reports-api.ts';
import { ReportStatus } from './report-status.tsx';
import { ScoreCard } from './score-card.tsx';
import { TrendChart } from './trend-chart.tsx';
import { thisMonth, useReport } from './use-report.ts';
import './reports.css';

/**
 * One unit's dashboard: the director's own center at /reports, or any commune of the province for
 * its admin at /province/reports/units/:unitCode. Staff also see their own figures.
 */
export function UnitDashboardPage() {
  const { t } = useTranslation('reports');
  useDocumentTitle(t('title'));
  return <SignedIn>{(me) => <UnitDashboard me={me} />}</SignedIn>;
}

function UnitDashboard({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const { unitCode } = useParams();
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params, thisMonth());
  const summary = useReport(`${unitCode}|${period.from}|${period.to}`, (signal) => reportsApi.summary({ ...period, unitCode }, signal));
  const trend = useReport(`${unitCode}|${period.to}`, (signal) => reportsApi.trend({ unitCode, to: period.to, months: 6 }, signal));
  const setPeriod = (p: Period) => setParams({ from: p.from, to: p.to });
  const data = summary.status === 'ready' ? summary.data : null;
  return (
    <>
      <h1>{data ? t('unitHeading', { name: data.unit.name }) : t('heading')}</h1>
      {me.user.role === 'province_admin' && (
        <p>
          <Link to={`/province/reports?from=${period.from}&to=${period.to}`}>{t('nav.province')}</Link>
        </p>
      )}
      <PeriodForm key={`${period.from}|${period.to}`} period={period} onChange={setPeriod} />
      <ReportStatus state={summary} />
      {data && (
        <>
          <ScoreCard score={data.score} unitCode={data.unit.unitCode} period={period} />
          <ExportLinks label={t('export.heading')} params={{ table: 'score', unitCode: data.unit.unitCode, from: period.from, to: period.to }} />
          <p>
            <a href={monthlyPdfUrl({ unitCode: data.unit.unitCode, month: period.to.slice(0, 7) })} target="_blank" rel="noreferrer">
              {t('export.pdf')}
            </a>
          </p>
          <ActivityTable activity={data.activity} />
          <BreakdownTable unitCode={data.unit.unitCode} period={period} />
        </>
      )}
      {trend.status === 'ready' && <TrendChart trend={trend.data} title={t('total')} />}
      {me.center && me.user.role !== 'province_admin' && <OfficerView period={period} />}
    </>
  );
}
