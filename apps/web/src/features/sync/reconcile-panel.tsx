import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncReconciliation } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { dayStart, syncApi } from './sync-api.ts';

/** Today in Vietnam time, as YYYY-MM-DD. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Compare what the portal holds with ours for a period, and send the period again. */
export function ReconcilePanel() {
  const { t } = useTranslation('sync');
  const { t: shared } = useTranslation();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [run, setRun] = useState<SyncReconciliation | null>(null);
  const [resynced, setResynced] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const period = () => [dayStart(from), dayStart(nextDay(to))] as const;

  async function reconcile(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setResynced(null);
    try {
      setRun(await syncApi.reconcile(...period()));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function resync() {
    setBusy(true);
    setFailure(null);
    try {
      setResynced((await syncApi.resync(...period())).enqueued);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sync-reconcile-heading" className="sync-reconcile">
      <h2 id="sync-reconcile-heading">{t('reconcile.heading')}</h2>
      <p>{t('reconcile.lead')}</p>
      <form onSubmit={reconcile} className="sync-period">
        <div className="field">
          <label htmlFor="sync-from">{t('reconcile.from')}</label>
          <input id="sync-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="sync-to">{t('reconcile.to')}</label>
          <input id="sync-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('reconcile.run')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void resync()}>
          {t('reconcile.resync')}
        </button>
      </form>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, shared)}
        </p>
      )}
      <div role="status">
        {resynced !== null && <p>{t('reconcile.resynced', { count: resynced })}</p>}
        {run && <p>{run.differences.length === 0 ? t('reconcile.clean', { count: run.checked }) : t('reconcile.found', { count: run.differences.length, checked: run.checked })}</p>}
      </div>
      {run && run.differences.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('reconcile.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconcile.code')}</th>
              <th scope="col">{t('reconcile.kind')}</th>
              <th scope="col">{t('reconcile.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {run.differences.slice(0, 200).map((d) => (
              <tr key={d.dossierId}>
                <th scope="row">{d.code}</th>
                <td>{t(`reconcile.kinds.${d.kind}`)}</td>
                <td>{d.fields?.join(', ') ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
