import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsResponse, StatsRow } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useChart } from '../../lib/use-chart.ts';
import { queueApi } from './queue-api.ts';

/**
 * Per hour and per counter: tickets issued (bars), average wait and service time (lines). ECharts
 * is fetched only when the charts are on screen; each chart has a table of the same figures, which
 * is what screen readers and print get.
 */
export function QueueCharts({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const { t: t2 } = useTranslation('queue2');
  const [data, setData] = useState<{ hour: StatsResponse; counter: StatsResponse } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let stale = false;
    Promise.all([queueApi.stats(from, to, 'hour'), queueApi.stats(from, to, 'counter')]).then(
      ([hour, counter]) => !stale && (setData({ hour, counter }), setFailure(null)),
      (error: unknown) => !stale && setFailure(error),
    );
    return () => {
      stale = true;
    };
  }, [from, to]);
  if (failure !== null) {
    return (
      <p role="alert" className="alert">
        {errorMessage(failure, t)}
      </p>
    );
  }
  if (!data || (data.hour.rows.length === 0 && data.counter.rows.length === 0)) return null;
  return (
    <>
      <StatsChart id="queue-chart-hour" title={t2('charts.byHour')} dimension={t('queue.stats.dimension.hour')} rows={data.hour.rows} />
      <StatsChart id="queue-chart-counter" title={t2('charts.byCounter')} dimension={t('queue.stats.dimension.counter')} rows={data.counter.rows} />
    </>
  );
}

function StatsChart({ id, title, dimension, rows }: { id: string; title: string; dimension: string; rows: StatsRow[] }) {
  const { t } = useTranslation('queue2');
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: [
        { type: 'value', name: t('charts.tickets'), minInterval: 1 },
        { type: 'value', name: t('charts.minutes'), min: 0 },
      ],
      series: [
        { name: t('charts.tickets'), type: 'bar', data: rows.map((r) => r.tickets) },
        { name: t('charts.avgWait'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.avgWaitMinutes) },
        { name: t('charts.avgService'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.avgServiceMinutes) },
      ],
    }),
    [rows, t],
  );
  const { box, failed } = useChart(option);
  const num = (v: number | null) => (v === null ? '–' : String(v));
  return (
    <figure className="queue-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      {!failed && <div ref={box} className="queue-chart-canvas" aria-hidden="true" />}
      <table className="table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{dimension}</th>
            <th scope="col">{t('charts.tickets')}</th>
            <th scope="col">{t('charts.avgWait')}</th>
            <th scope="col">{t('charts.avgService')}</th>
            <th scope="col">{t('charts.ratings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.tickets}</td>
              <td>{num(r.avgWaitMinutes)}</td>
              <td>{num(r.avgServiceMinutes)}</td>
              <td>{t('charts.ratingCounts', { very: r.ratings.verySatisfied, ok: r.ratings.satisfied, bad: r.ratings.dissatisfied })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
