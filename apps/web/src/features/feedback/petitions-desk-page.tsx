import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, PetitionStaffView } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { feedbackApi, petitionPageUrl, vnTime } from './feedback-api.ts';
import './feedback.css';

/** Staff: the center's petitions with their three deadlines; answer, ask for information or refuse. */
export function PetitionsDeskPage() {
  const { t } = useTranslation('feedback');
  useDocumentTitle(t('pakn.deskTitle'));
  return <SignedIn>{(me) => <Desk me={me} />}</SignedIn>;
}

function Desk({ me }: { me: Me }) {
  const { t } = useTranslation('feedback');
  const { t: shared } = useTranslation();
  const [all, setAll] = useState(false);
  const [items, setItems] = useState<PetitionStaffView[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      feedbackApi.desk(!all, signal).then(
        (r) => setItems(r.items),
        (e: unknown) => !signal?.aborted && setFailure(e),
      ),
    [all],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <>
      <h1>{t('pakn.deskTitle')}</h1>
      <p className="lead">{t('pakn.deskLead')}</p>
      <p className="inline-check field">
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('pakn.showAll')}
        </label>
      </p>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, shared)}
        </p>
      )}
      <div role="status" data-testid="desk-notice">
        {notice}
      </div>
      {items === null && failure === null && <p role="status">{shared('app.loading')}</p>}
      {items?.length === 0 && <p>{t('pakn.none')}</p>}
      <ul className="petition-list">
        {items?.map((p) => (
          <li key={p.id}>
            <PetitionCard
              p={p}
              canAct={me.user.role !== 'citizen'}
              onChanged={(message) => {
                setNotice(message);
                void load();
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function PetitionCard({ p, canAct, onChanged }: { p: PetitionStaffView; canAct: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation('feedback');
  const { t: shared } = useTranslation();
  const [action, setAction] = useState<'answer' | 'request_info' | 'refuse'>('answer');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const open = p.status === 'received' || p.status === 'info_requested';
  const id = `pet-${p.id}`;

  async function act(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await feedbackApi.act(p.id, { action, text, expectedVersion: p.version });
      onChanged(t('pakn.doneCode', { code: p.code }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onChanged(t('pakn.conflict'));
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {/* Only a published answer has a page strangers (and staff) can open without the sender's code. */}
        {p.published && p.status === 'answered' ? <a href={petitionPageUrl(p.code)}>{p.code}</a> : p.code} — {p.title}
      </h2>
      <p>
        {t(`pakn.kind_${p.kind}`)} · {t(`pakn.status_${p.status}`)}
        {p.badge && <span className={`badge-${p.badge}`}> · {t(`pakn.badge_${p.badge}`)}</span>}
        {p.repeated && <> · {t('pakn.repeated')}</>}
        {p.published && <> · {t('pakn.publishedBadge')}</>}
      </p>
      <dl className="facts">
        <dt>{t('pakn.received')}</dt>
        <dd>{vnTime(p.receivedAt)}</dd>
        <dt>{t('pakn.refuseBy')}</dt>
        <dd>{vnTime(p.refuseBy)}</dd>
        <dt>{t('pakn.infoBy')}</dt>
        <dd>{vnTime(p.infoBy)}</dd>
        <dt>{t('pakn.due')}</dt>
        <dd>{vnTime(p.dueAt)}</dd>
        <dt>{t('pakn.from')}</dt>
        <dd>{p.submitterName ?? t('pakn.anonymousName')}</dd>
        <dt>{t('pakn.contact')}</dt>
        <dd>{[p.contactPhone, p.contactEmail].filter(Boolean).join(' · ')}</dd>
        {p.dossierCode && (
          <>
            <dt>{t('pakn.dossierCode')}</dt>
            <dd>{p.dossierCode}</dd>
          </>
        )}
      </dl>
      <p className="answer">{p.content}</p>
      {p.infoReply && (
        <p>
          <strong>{t('pakn.infoReply')}:</strong> {p.infoReply}
        </p>
      )}
      {p.answer && (
        <p className="answer">
          <strong>{t('pakn.answer')}:</strong> {p.answer}
        </p>
      )}
      {open && canAct && (
        <form className="form" onSubmit={(e) => void act(e)}>
          <h3>{t('pakn.handle')}</h3>
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('pakn.action')}</label>
            <select id={`${id}-action`} value={action} onChange={(e) => setAction(e.target.value as typeof action)}>
              <option value="answer">{t('pakn.action_answer')}</option>
              {p.status === 'received' && <option value="request_info">{t('pakn.action_request_info')}</option>}
              {p.status === 'received' && <option value="refuse">{t('pakn.action_refuse')}</option>}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('pakn.text')}</label>
            <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} required minLength={5} rows={4} />
          </div>
          {failure !== null && (
            <p role="alert" className="alert">
              {errorMessage(failure, shared)}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            {t('pakn.do')}
          </button>
        </form>
      )}
    </article>
  );
}
