import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trend } from '@motcua/contracts';
import { useChart } from '../../lib/use-chart.ts';

/**
 * The 766 total month by month. ECharts is loaded only when a chart is on screen, so the main
 * bundle stays small; a table with the same numbers sits beside it for screen readers and print.
 */
export function TrendChart({ trend, title }: { trend: Trend; title: string }) {
  const { t } = useTranslation('reports');
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.points.map((p) => p.month) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: t('total'), type: 'line', data: trend.points.map((p) => p.total), label: { show: true } }],
    }),
    [trend, t],
  );
  const { box, failed } = useChart(option);
  return (
    <figure className="report-trend">
      <figcaption>{title}</figcaption>
      {!failed && <div ref={box} className="report-trend-chart" aria-hidden="true" />}
      <table className="table report-trend-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('month')}</th>
            <th scope="col">{t('total')}</th>
            <th scope="col">{t('received')}</th>
          </tr>
        </thead>
        <tbody>
          {trend.points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{p.month}</th>
              <td>{p.total.toLocaleString('vi-VN')}</td>
              <td>{p.received.toLocaleString('vi-VN')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
