import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { dossierApi } from './dossier-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';
import { DossierTable } from './dossier-table.tsx';
import { SHOWS, isShow, matchesShow, matchesText, type Show } from './inbox-filters.ts';
import { WorkNav } from './staff-links.tsx';
import { useLoad } from './use-load.ts';
import './dossier.css';

// Specialists and leaders have work assigned to them; the counter and the director watch the center.
const OWN_INBOX = new Set(['specialist', 'leader']);

export function InboxPage() {
  return <SignedIn>{(me) => <Inbox me={me} />}</SignedIn>;
}

function Inbox({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get('scope');
  const scope: 'me' | 'all' = scopeParam === 'all' || scopeParam === 'me' ? scopeParam : OWN_INBOX.has(me.user.role) ? 'me' : 'all';
  const showParam = params.get('show');
  const show: Show = isShow(showParam) ? showParam : 'all';
  const text = params.get('q') ?? '';
  const list = useLoad(scope, (signal) => dossierApi.list(scope, signal));
  const heading = t(scope === 'me' ? 'dossier.inbox.headingMine' : 'dossier.inbox.headingAll');
  useDocumentTitle(heading);

  const data = list.status === 'ready' ? list.data : null;
  const items = useMemo(() => data?.items ?? [], [data]);
  const counts = useMemo(() => Object.fromEntries(SHOWS.map((s) => [s, items.filter((d) => matchesShow(d, s)).length])) as Record<Show, number>, [items]);
  const shown = useMemo(() => items.filter((d) => matchesShow(d, show) && matchesText(d, text)), [items, show, text]);

  function setParam(key: string, value: string, fallback: string) {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  }

  return (
    <>
      <h1>{heading}</h1>
      <WorkNav role={me.user.role} />
      <form role="search" className="filters" aria-label={t('dossier.inbox.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="inbox-scope">{t('dossier.inbox.scope')}</label>
          <select id="inbox-scope" value={scope} onChange={(event) => setParam('scope', event.target.value, '')}>
            <option value="me">{t('dossier.inbox.scopeMe')}</option>
            <option value="all">{t('dossier.inbox.scopeAll')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-show">{t('dossier.inbox.show')}</label>
          <select id="inbox-show" value={show} onChange={(event) => setParam('show', event.target.value, 'all')}>
            {SHOWS.map((s) => (
              <option key={s} value={s}>
                {t('dossier.inbox.showOption', { label: t(`dossier.inbox.shows.${s}`), n: counts[s] })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-q">{t('dossier.inbox.search')}</label>
          <input id="inbox-q" type="search" autoComplete="off" value={text} onChange={(event) => setParam('q', event.target.value, '')} />
        </div>
        <button type="button" className="button button-secondary" onClick={list.reload}>
          {t('dossier.inbox.reload')}
        </button>
      </form>

      <p className="badge-legend">
        <span className="badge badge-late">{t('dossier.badge.late')}</span> {counts.late} · <span className="badge badge-due_today">{t('dossier.badge.due_today')}</span> {counts.due_today} ·{' '}
        <span className="badge badge-at_risk">{t('dossier.badge.at_risk')}</span> {counts.at_risk}
      </p>

      {list.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {list.status === 'failed' && (
        <p role="alert" className="alert">
          {dossierErrorMessage(list.error, t)}
        </p>
      )}
      {list.status === 'ready' && (
        <>
          <p role="status">{t('dossier.inbox.count', { shown: shown.length, total: items.length })}</p>
          {shown.length === 0 ? <p className="note">{t(items.length === 0 ? 'dossier.inbox.empty' : 'dossier.inbox.noneMatch')}</p> : <DossierTable caption={heading} items={shown} nextStep />}
        </>
      )}
    </>
  );
}
