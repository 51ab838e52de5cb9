import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsDimension, StatsResponse } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { queueApi } from './queue-api.ts';
import { QueueCharts } from './queue-charts.tsx';

const DIMENSIONS: StatsDimension[] = ['center', 'group', 'counter', 'officer', 'hour'];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Queue figures for the director's center or the whole province: a table, then charts per hour and counter. */
export function QueueStats() {
  const { t } = useTranslation();
  const { t: t2 } = useTranslation('queue2');
  const [period, setPeriod] = useState(() => ({ from: today(), to: today() }));
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [by, setBy] = useState<StatsDimension>('group');
  const [data, setData] = useState<StatsResponse | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = () =>
    queueApi.stats(from, to, by).then((d) => {
      setData(d);
      setFailure(null);
      setPeriod({ from, to });
    }, setFailure);
  useEffect(() => {
    void load();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void load();
  }

  const minutes = (v: number | null) => (v === null ? '–' : t('queue.ticket.minutes', { minutes: v }));
  return (
    <section aria-labelledby="queue-stats-heading" className="queue-stats">
      <h2 id="queue-stats-heading">{t('queue.stats.heading')}</h2>
      <form className="queue-stats-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="stats-from">{t('queue.stats.from')}</label>
          <input id="stats-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{t('queue.stats.to')}</label>
          <input id="stats-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="stats-by">{t('queue.stats.by')}</label>
          <select id="stats-by" value={by} onChange={(e) => setBy(e.target.value as StatsDimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`queue.stats.dimension.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('queue.stats.show')}
        </button>
      </form>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      {data && data.rows.length === 0 && <p>{t('queue.stats.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('queue.stats.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`queue.stats.dimension.${data.by}`)}</th>
              <th scope="col">{t('queue.stats.tickets')}</th>
              <th scope="col">{t('queue.stats.served')}</th>
              <th scope="col">{t('queue.stats.noShows')}</th>
              <th scope="col">{t('queue.stats.avgWait')}</th>
              <th scope="col">{t('queue.stats.avgService')}</th>
              <th scope="col">{t2('charts.ratings')}</th>
              <th scope="col">{t2('charts.dossiers')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.tickets}</td>
                <td>{r.served}</td>
                <td>{r.noShows}</td>
                <td>{minutes(r.avgWaitMinutes)}</td>
                <td>{minutes(r.avgServiceMinutes)}</td>
                <td>{t2('charts.ratingCounts', { very: r.ratings.verySatisfied, ok: r.ratings.satisfied, bad: r.ratings.dissatisfied })}</td>
                <td>
                  {r.dossiers.linked === 0
                    ? '–'
                    : t2('charts.dossierSummary', {
                        linked: r.dossiers.linked,
                        returned: r.dossiers.returned,
                        hours: r.dossiers.avgIssueToReturnHours ?? '–',
                        very: r.dossiers.ratings.verySatisfied,
                        ok: r.dossiers.ratings.satisfied,
                        bad: r.dossiers.ratings.dissatisfied,
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <QueueCharts from={period.from} to={period.to} />}
    </section>
  );
}
