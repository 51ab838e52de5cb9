import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CitizenProfile, DraftView } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { vnTime } from './dossier-status.tsx';
import { portalApi, type InAppMessage, type MyDossier } from './portal-api.ts';
import { portalError } from './portal-error.ts';
import { useCitizen } from './use-citizen.ts';
import './portal.css';

type Data = { drafts: DraftView[]; dossiers: MyDossier[]; messages: InAppMessage[] };
const CHANNELS = ['sms', 'email', 'inapp'] as const;

/** My drafts, my submitted dossiers, my messages and how I want to be told. */
export function MyDossiersPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('mine.title'));
  const me = useCitizen();
  const navigate = useNavigate();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (me.status !== 'signed-in') return;
    Promise.all([portalApi.drafts(), portalApi.dossiers(), portalApi.messages()]).then(
      ([d, s, m]) => setData({ drafts: d.items, dossiers: s.items, messages: m.items }),
      (e: unknown) => setError(portalError(e, t)),
    );
  }, [me.status, t]);

  if (me.status === 'loading') return <p role="status">…</p>;
  if (me.status === 'signed-out') return <Navigate to="/citizen/sign-in?next=/citizen/dossiers" replace />;
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <p className="portal-row">
        <span>{me.citizen.fullName ?? me.citizen.phone}</span>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void portalApi.signOut().finally(() => void navigate('/citizen'))}
        >
          {t('signOut')}
        </button>
      </p>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <h2>{t('mine.submitted')}</h2>
      {data && data.dossiers.length === 0 && <p>{t('mine.none')}</p>}
      <ul>
        {data?.dossiers.map((d) => (
          <li key={d.id}>
            <Link to={`/citizen/dossiers/${d.id}`}>{t('mine.open', { code: d.code })}</Link> — {d.procedureName} — {t(`status.${d.status}`)}
            {d.dueAt && ` — ${t('dossier.due')}: ${vnTime(d.dueAt)}`}
            {d.helperName && <span> — {t('mine.helpedBy', { name: d.helperName })}</span>}
          </li>
        ))}
      </ul>
      <h2>{t('mine.drafts')}</h2>
      {data && data.drafts.length === 0 && <p>{t('mine.noDrafts')}</p>}
      <ul>
        {data?.drafts.map((d) => (
          <li key={d.id}>
            {d.procedureName} — <Link to={`/citizen/apply/${encodeURIComponent(d.procedureCode)}?draft=${d.id}`}>{t('mine.continue')}</Link>
          </li>
        ))}
      </ul>
      <h2>{t('mine.messages')}</h2>
      {data && data.messages.length === 0 && <p>{t('mine.noMessages')}</p>}
      <ul className="portal-inbox">
        {data?.messages.map((m) => (
          <li key={m.id}>
            <small>{vnTime(m.createdAt)}</small> {m.body}
          </li>
        ))}
      </ul>
      <Channels citizen={me.citizen} />
    </>
  );
}

function Channels({ citizen }: { citizen: CitizenProfile }) {
  const { t } = useTranslation('portal');
  const [chosen, setChosen] = useState<string[]>(citizen.channels);
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    try {
      await portalApi.updateMe({ channels: chosen as CitizenProfile['channels'] });
      setStatus(t('mine.saved'));
    } catch (e) {
      setStatus(portalError(e, t));
    }
  };
  return (
    <form className="portal-form" onSubmit={(e) => (e.preventDefault(), void save())}>
      <fieldset>
        <legend>{t('mine.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="portal-row">
            <input type="checkbox" checked={chosen.includes(c)} onChange={(e) => setChosen(e.target.checked ? [...chosen, c] : chosen.filter((x) => x !== c))} /> {t(`channel.${c}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button-secondary">
        {t('mine.save')}
      </button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
