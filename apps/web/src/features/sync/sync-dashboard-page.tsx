import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, SyncCenterHealth, SyncDashboard, SyncDeadLetter, SyncFailure } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { DeadLettersPanel } from './dead-letters-panel.tsx';
import { ReconcilePanel } from './reconcile-panel.tsx';
import { lagText, syncApi } from './sync-api.ts';
import './sync.css';

/** Province admin: sync with the National Public Service Portal, per center. */
export function SyncDashboardPage() {
  const { t } = useTranslation('sync');
  useDocumentTitle(t('title'));
  return <SignedIn>{(me) => <Dashboard me={me} />}</SignedIn>;
}

const failing = (c: SyncCenterHealth) => c.dead > 0 || c.retrying > 0;

function Dashboard({ me }: { me: Me }) {
  const { t } = useTranslation('sync');
  const { t: shared } = useTranslation();
  const allowed = me.user.role === 'province_admin';
  const [data, setData] = useState<SyncDashboard | null>(null);
  const [dead, setDead] = useState<SyncDeadLetter[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<{ centerId: string; items: SyncFailure[] } | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const [dashboard, deadLetters] = await Promise.all([syncApi.dashboard(signal), syncApi.deadLetters(signal)]);
      setData(dashboard);
      setDead(deadLetters.items);
      setFailure(null);
    } catch (error) {
      if (!signal?.aborted) setFailure(error);
    }
  }, []);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(controller.signal), 10_000);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [allowed, load]);

  async function retry(c: SyncCenterHealth) {
    setBusy(c.centerId);
    setNotice(null);
    try {
      const r = await syncApi.retry(c.centerId);
      setNotice(t('retried', { count: r.requeued, center: c.name }));
      setOpen(null);
      await load();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  async function details(c: SyncCenterHealth) {
    if (open?.centerId === c.centerId) return setOpen(null);
    try {
      setOpen({ centerId: c.centerId, items: (await syncApi.failures(c.centerId)).items });
    } catch (error) {
      setFailure(error);
    }
  }

  if (!allowed) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p role="alert" className="alert">
          {t('forbidden')}
        </p>
      </>
    );
  }
  const bad = data?.centers.filter(failing) ?? [];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, shared)}
        </p>
      )}
      <p role="status" className="sync-status">
        {notice ?? (data ? (bad.length > 0 ? t('summaryFailing', { count: bad.length }) : t('summaryOk')) : t('loading'))}
      </p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setNotice(null);
          void load();
        }}
      >
        {t('refresh')}
      </button>
      {data && (
        <div className="sync-table-wrap">
          <table className="table sync-table">
            <caption>{t('caption', { at: new Date(data.generatedAt).toLocaleTimeString('vi-VN') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.center')}</th>
                <th scope="col">{t('col.backlog')}</th>
                <th scope="col">{t('col.failing')}</th>
                <th scope="col">{t('col.p50')}</th>
                <th scope="col">{t('col.p99')}</th>
                <th scope="col">{t('col.acked')}</th>
                <th scope="col">{t('col.error')}</th>
                <th scope="col">{t('col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {data.centers.map((c) => (
                <tr key={c.centerId} className={failing(c) ? 'sync-failing' : undefined}>
                  <th scope="row">
                    {c.name} <span className="sync-code">{c.agencyCode}</span>
                    {failing(c) && <span className="sync-badge">{t('failingBadge')}</span>}
                  </th>
                  <td>{c.backlog}</td>
                  <td>{t('failingCount', { dead: c.dead, retrying: c.retrying })}</td>
                  <td>{lagText(c.lagP50Ms)}</td>
                  <td>{lagText(c.lagP99Ms)}</td>
                  <td>{c.acked24h}</td>
                  <td className="sync-error">{c.lastError ?? '—'}</td>
                  <td>
                    {failing(c) && (
                      <div className="sync-actions">
                        <button type="button" className="button" disabled={busy === c.centerId} onClick={() => void retry(c)} aria-label={t('retryCenter', { center: c.name })}>
                          {t('retry')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => void details(c)} aria-expanded={open?.centerId === c.centerId}>
                          {t('details')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <FailureList items={open.items} />}
      {data && <DeadLettersPanel items={dead} onChanged={() => load()} />}
      <ReconcilePanel />
    </>
  );
}

function FailureList({ items }: { items: SyncFailure[] }) {
  const { t } = useTranslation('sync');
  return (
    <section aria-labelledby="sync-failures-heading">
      <h2 id="sync-failures-heading">{t('failures.heading')}</h2>
      {items.length === 0 ? (
        <p>{t('failures.none')}</p>
      ) : (
        <ul className="sync-failures">
          {items.map((f) => (
            <li key={f.messageId}>
              <strong>{f.dossierCode ?? f.dossierId}</strong> — {f.status === 'dead' ? t('failures.dead') : t('failures.retrying', { attempts: f.attempts })}: <span className="sync-error">{f.lastError}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
