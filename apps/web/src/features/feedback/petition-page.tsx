import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { PetitionPublic } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { feedbackApi, vnTime } from './feedback-api.ts';
import './feedback.css';

/**
 * A petition and the center's answer. With ?k=<follow-up code> its sender sees it and can reply and
 * rate; without, it opens only when answered and published with the sender's consent.
 */
export function PetitionPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const secret = params.get('k');
  const { t } = useTranslation('feedback');
  const { t: shared } = useTranslation();
  useDocumentTitle(t('pakn.pageTitle', { code }));
  const [p, setP] = useState<PetitionPublic | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setP(null);
    setFailure(null);
    feedbackApi.publicOne(code, secret, controller.signal).then(setP, (e: unknown) => !controller.signal.aborted && setFailure(e));
    return () => controller.abort();
  }, [code, secret]);

  async function follow(body: { info?: string; satisfaction?: 'satisfied' | 'dissatisfied' }, event?: FormEvent) {
    event?.preventDefault();
    if (!secret) return;
    setBusy(true);
    setFailure(null);
    try {
      setP(await feedbackApi.followUp(code, { secret, ...body }));
      setReply('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  if (!p) {
    const notFound = failure instanceof ApiError && failure.status === 404;
    return (
      <>
        <h1>{t('pakn.pageTitle', { code })}</h1>
        {failure === null ? (
          <p role="status">{shared('app.loading')}</p>
        ) : (
          <p role="alert" className="alert">
            {notFound ? t(secret ? 'pakn.notFoundWithSecret' : 'pakn.notFound') : errorMessage(failure, shared)}
          </p>
        )}
        {notFound && <SecretForm onOpen={(k) => setParams({ k })} />}
      </>
    );
  }
  const closed = p.status === 'answered' || p.status === 'refused';
  return (
    <>
      <h1>{t('pakn.pageTitle', { code: p.code })}</h1>
      <h2>{p.title}</h2>
      <dl className="facts">
        <dt>{t('pakn.kind')}</dt>
        <dd>{t(`pakn.kind_${p.kind}`)}</dd>
        <dt>{t('pakn.center')}</dt>
        <dd>{p.centerName}</dd>
        <dt>{t('pakn.from')}</dt>
        <dd data-testid="petition-sender">{p.senderInitials ?? t('pakn.anonymousName')}</dd>
        {secret && (
          <>
            <dt>{t('pakn.publishedLabel')}</dt>
            <dd>{p.published ? t('pakn.publishedYes') : t('pakn.publishedNo')}</dd>
          </>
        )}
        <dt>{t('pakn.received')}</dt>
        <dd>{vnTime(p.receivedAt)}</dd>
        <dt>{t('pakn.due')}</dt>
        <dd>{vnTime(p.dueAt)}</dd>
        <dt>{t('pakn.status')}</dt>
        <dd data-testid="petition-status">{t(`pakn.status_${p.status}`)}</dd>
      </dl>
      <p className="answer">{p.content}</p>
      {p.answer && (
        <section aria-labelledby="answer-heading" className="card">
          <h3 id="answer-heading">{t('pakn.answer')}</h3>
          <p className="answer" data-testid="petition-answer">
            {p.answer}
          </p>
          {p.outcome && <p>{p.outcome === 'on_time' ? t('pakn.onTime') : t('pakn.late')}</p>}
        </section>
      )}
      {p.refusalReason && (
        <section aria-labelledby="refusal-heading" className="card">
          <h3 id="refusal-heading">{t('pakn.refusal')}</h3>
          <p className="answer">{p.refusalReason}</p>
        </section>
      )}
      {secret && p.status === 'info_requested' && p.infoRequest && (
        <form className="form" onSubmit={(e) => void follow({ info: reply }, e)}>
          <h3>{t('pakn.infoRequest')}</h3>
          <p className="answer">{p.infoRequest}</p>
          <div className="field">
            <label htmlFor="p-reply">{t('pakn.yourReply')}</label>
            <textarea id="p-reply" value={reply} onChange={(e) => setReply(e.target.value)} required minLength={2} rows={4} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('pakn.sendReply')}
          </button>
        </form>
      )}
      {secret && closed && (
        <section aria-labelledby="rate-answer">
          <h3 id="rate-answer">{t('pakn.rateAnswer')}</h3>
          {p.satisfaction ? (
            <p role="status">{t('pakn.yourRating', { value: t(`pakn.${p.satisfaction}`) })}</p>
          ) : (
            <p>
              <button type="button" className="button" disabled={busy} onClick={() => void follow({ satisfaction: 'satisfied' })}>
                {t('pakn.satisfied')}
              </button>{' '}
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void follow({ satisfaction: 'dissatisfied' })}>
                {t('pakn.dissatisfied')}
              </button>
            </p>
          )}
        </section>
      )}
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, shared)}
        </p>
      )}
    </>
  );
}

/** The follow-up code given at submission opens the sender's own petition. */
function SecretForm({ onOpen }: { onOpen: (secret: string) => void }) {
  const { t } = useTranslation('feedback');
  const [value, setValue] = useState('');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(value.trim().toUpperCase());
      }}
    >
      <div className="field">
        <label htmlFor="p-secret">{t('pakn.secretLabel')}</label>
        <input id="p-secret" value={value} onChange={(e) => setValue(e.target.value)} required minLength={8} maxLength={64} autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit" className="button">
        {t('pakn.openWithSecret')}
      </button>
    </form>
  );
}
