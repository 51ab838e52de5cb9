import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me, Offering, OutreachPack, OutreachSession, OutreachSessionCreate } from '@motcua/contracts';
import { ApiError, request } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../auth/signed-in.tsx';
import { WorkNav } from '../dossier/staff-links.tsx';
import { registerServiceWorker } from './register-sw.ts';
import { store } from './outreach-store.ts';

type Member = OutreachSession['team'][number];
type Saved = Awaited<ReturnType<typeof store.packs>>[number];

/**
 * Fetches the session's pack and keeps it, with who I am, on the device for the days offline. The
 * address lists are read once too, so the service worker keeps them for the offline form.
 */
export async function downloadPack(sessionId: string, me: Me): Promise<OutreachPack> {
  const pack = await request<OutreachPack>(`/api/v1/outreach/sessions/${sessionId}/pack`);
  await store.savePack(pack, me, new Date().toISOString());
  const province = me.center?.provinceCode;
  await Promise.all(['/api/v1/provinces', ...(province ? [`/api/v1/provinces/${province}/communes`] : [])].map((url) => request(url).catch(() => undefined)));
  return pack;
}

/** /staff/outreach: sessions kept on this device (usable offline) and, online, preparing new ones. */
export function OutreachPage() {
  const { t } = useTranslation('outreach');
  useDocumentTitle(t('heading'));
  const me = useMe();
  const [saved, setSaved] = useState<Saved[] | null>(null);
  useEffect(registerServiceWorker, []);
  const reload = () => void store.packs().then(setSaved);
  useEffect(reload, []);

  const offline = me.status === 'failed' && me.error instanceof ApiError && me.error.isNetwork;
  return (
    <section className="outreach">
      <h1>{t('heading')}</h1>
      {me.status === 'ready' && <WorkNav role={me.me.user.role} />}
      <p>{t('intro')}</p>
      <section aria-labelledby="device-heading">
        <h2 id="device-heading">{t('device.heading')}</h2>
        {saved === null ? (
          <p role="status">{t('loading')}</p>
        ) : saved.length === 0 ? (
          <p>{t('device.none')}</p>
        ) : (
          <ul className="outreach-sessions">
            {saved.map((s) => (
              <li key={s.sessionId}>
                <Link to={`/staff/outreach/${s.sessionId}`}>
                  {s.pack.session.place} · {s.pack.session.date}
                </Link>{' '}
                <span className="muted">{t('device.prepared', { at: s.pack.preparedAt.slice(0, 16).replace('T', ' ') })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {offline && <p role="status">{t('offlineList')}</p>}
      {me.status === 'failed' && !offline && <p role="alert" className="alert">{me.error instanceof ApiError && me.error.status === 401 ? <Link to="/login">{t('signIn')}</Link> : t('loadFailed')}</p>}
      {me.status === 'ready' && me.me.center && <PrepareSession me={me.me} onSaved={reload} />}
    </section>
  );
}

function PrepareSession({ me, onSaved }: { me: Me; onSaved: () => void }) {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [candidates, setCandidates] = useState<Member[]>([]);
  const [offerings, setOfferings] = useState<Offering[]>([]);
  const [place, setPlace] = useState('');
  const [date, setDate] = useState('');
  const [team, setTeam] = useState<Set<string>>(new Set([me.user.id]));
  const [codes, setCodes] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    request<{ items: Member[] }>('/api/v1/outreach/team-candidates').then((r) => setCandidates(r.items), setFailure);
    request<Offering[]>(`/api/v1/centers/${me.center!.id}/procedures`).then(setOfferings, setFailure);
  }, [me.center!.id]);

  const matches = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q.length < 2 ? [] : offerings.filter((o) => !codes.includes(o.code) && (o.code.includes(q) || o.name.toLowerCase().includes(q))).slice(0, 20);
  }, [filter, offerings, codes]);
  const nameOf = (code: string) => offerings.find((o) => o.code === code)?.name ?? code;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const body: OutreachSessionCreate = { place, date, teamUserIds: [...team], procedureCodes: codes };
      const session = await request<OutreachSession>('/api/v1/outreach/sessions', { method: 'POST', body });
      await downloadPack(session.id, me);
      onSaved();
      navigate(`/staff/outreach/${session.id}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="prepare-heading">
      <h2 id="prepare-heading">{t('prepare.heading')}</h2>
      <p>{t('prepare.hint')}</p>
      <form onSubmit={submit} className="form">
        <label className="field">
          <span>{t('prepare.place')}</span>
          <input value={place} onChange={(e) => setPlace(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('prepare.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <fieldset className="fieldset">
          <legend>{t('prepare.team')}</legend>
          {candidates.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={team.has(c.id)} onChange={(e) => setTeam((s) => (e.target.checked ? new Set(s).add(c.id) : new Set([...s].filter((x) => x !== c.id))))} />{' '}
              {c.fullName} ({t(`role.${c.role}`)})
            </label>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('prepare.procedures')}</legend>
          <ul aria-label={t('prepare.chosen')}>
            {codes.map((c) => (
              <li key={c}>
                {nameOf(c)} ({c}){' '}
                <button type="button" className="link" onClick={() => setCodes(codes.filter((x) => x !== c))}>
                  {t('prepare.remove', { name: nameOf(c) })}
                </button>
              </li>
            ))}
          </ul>
          <label className="field">
            <span>{t('prepare.find')}</span>
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
          <ul>
            {matches.map((o) => (
              <li key={o.code}>
                <button type="button" onClick={() => setCodes([...codes, o.code])}>
                  {t('prepare.add', { name: o.name, code: o.code })}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        {failure !== null && (
          <p role="alert" className="alert">
            {errorMessage(failure, tc)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || codes.length === 0 || team.size === 0}>
          {t('prepare.submit')}
        </button>
      </form>
    </section>
  );
}
