import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { IndicatorId, ScoreResponse } from '@motcua/contracts';
import { drillable, type Period } from './reports-api.ts';

const indicatorKey = (id: IndicatorId) => `indicator.${id.replace('.', '_') as IndicatorKey}` as const;
type IndicatorKey = '1_1' | '1_2' | '1_3' | '1_4' | '2_1' | '3_1' | '3_2' | '3_3' | '3_5a' | '3_5b' | '3_6' | '4_1' | '4_2' | '4_3' | '4_4' | '4_5a' | '4_5b' | '4_6' | '5_2' | '5_3' | '5_4';
const num = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The 766 index with every indicator, each number linked to the dossiers behind it. */
export function ScoreCard({ score, unitCode, period }: { score: ScoreResponse; unitCode: string; period: Period }) {
  const { t } = useTranslation('reports');
  const drillHref = (indicator: string) => `/reports/drill?${new URLSearchParams({ unitCode, indicator, from: period.from, to: period.to, set: 'missing' }).toString()}`;
  return (
    <section aria-labelledby="score-heading" className="report-score">
      <h2 id="score-heading">{t('score.heading')}</h2>
      <p className="report-total">
        <strong>{num(score.total)}</strong>/100 · {t(`band.${score.band}`)} ·{' '}
        <span aria-label={t('score.stars', { count: score.stars })}>
          {'★'.repeat(score.stars)}
          {'☆'.repeat(5 - score.stars)}
        </span>
      </p>
      <div className="report-scroll">
        <table className="table">
          <caption className="visually-hidden">{t('score.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('score.indicator')}</th>
              <th scope="col">{t('score.numerator')}</th>
              <th scope="col">{t('score.denominator')}</th>
              <th scope="col">{t('score.points')}</th>
            </tr>
          </thead>
          {score.groups.map((g) => (
            <tbody key={g.id}>
              <tr className="report-group">
                <th scope="rowgroup" colSpan={3}>
                  {t(`group.${g.id}`)}
                </th>
                <td>
                  {num(g.points)}/{num(g.max)}
                </td>
              </tr>
              {g.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <span className="report-id">{i.id}</span> {t(indicatorKey(i.id))}
                  </th>
                  <td>{num(i.numerator)}</td>
                  <td>{num(i.denominator)}</td>
                  <td>
                    {drillable.has(i.id) && i.points < i.max && i.denominator > 0 ? (
                      <Link to={drillHref(i.id)} aria-label={t('score.drillLabel', { id: i.id, points: num(i.max - i.points) })}>
                        {num(i.points)}/{num(i.max)}
                      </Link>
                    ) : (
                      <>
                        {num(i.points)}/{num(i.max)}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
