import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RatingState, SatisfactionLevel } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { feedbackApi } from './feedback-api.ts';
import './feedback.css';

const LEVELS: SatisfactionLevel[] = ['very_satisfied', 'satisfied', 'dissatisfied'];
const CRITERIA = ['time', 'attitude', 'visits', 'transparency'] as const;
type Criterion = (typeof CRITERIA)[number];

function Levels({ name, legend, value, onChange, required }: { name: string; legend: string; value: SatisfactionLevel | undefined; onChange: (v: SatisfactionLevel) => void; required?: boolean }) {
  const { t } = useTranslation('feedback');
  return (
    <fieldset className="levels">
      <legend>{legend}</legend>
      {LEVELS.map((l) => (
        <label key={l}>
          <input type="radio" name={name} value={l} checked={value === l} onChange={() => onChange(l)} required={required ?? false} /> {t(`rate.level_${l}`)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The rating of a returned dossier. Signed-in citizens (and the counter screen) need nothing more;
 * at a kiosk the citizen types the last 4 digits of the phone (or the Form 01 secret), or comes
 * with the queue ticket. Exported so the portal's tracking page can show it in place.
 */
export function RatingForm({ code, ticketId }: { code: string; ticketId?: string }) {
  const { t } = useTranslation('feedback');
  const { t: shared } = useTranslation();
  const [factor, setFactor] = useState('');
  const [proof, setProof] = useState<{ secondFactor?: string; ticketId?: string }>(ticketId ? { ticketId } : {});
  const [state, setState] = useState<RatingState | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [overall, setOverall] = useState<SatisfactionLevel>();
  const [criteria, setCriteria] = useState<Partial<Record<Criterion, SatisfactionLevel>>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setFailure(null);
    feedbackApi.ratingState(code, proof, controller.signal).then(setState, (e: unknown) => !controller.signal.aborted && setFailure(e));
    return () => controller.abort();
  }, [code, proof]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!overall) return;
    setBusy(true);
    setFailure(null);
    try {
      await feedbackApi.rate({ dossierCode: code, overall, criteria, ...(comment.trim() ? { comment: comment.trim() } : {}), ...proof });
      setDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const missing = failure instanceof ApiError && failure.status === 404;
  if (done) {
    return (
      <div className="done" role="status">
        <p>{t('rate.thanks')}</p>
        <p>
          <Link to={`/pakn/gui?ma=${encodeURIComponent(code)}`}>{t('rate.complain')}</Link>
        </p>
      </div>
    );
  }
  if (!state) {
    return (
      <>
        {failure === null && <p role="status">{t('rate.loading')}</p>}
        {missing && (
          <form className="form" onSubmit={(e) => {
              e.preventDefault();
              setProof({ secondFactor: factor.trim() });
            }}>
            {proof.secondFactor && (
              <p role="alert" className="alert">
                {t('rate.notFound')}
              </p>
            )}
            <div className="field">
              <label htmlFor="rate-factor">{t('rate.factorLabel')}</label>
              <input id="rate-factor" value={factor} onChange={(e) => setFactor(e.target.value)} inputMode="text" autoComplete="off" aria-describedby="rate-factor-hint" required minLength={4} maxLength={12} />
              <small id="rate-factor-hint">{t('rate.factorHint')}</small>
            </div>
            <button type="submit" className="button">
              {t('rate.find')}
            </button>
          </form>
        )}
        {failure !== null && !missing && (
          <p role="alert" className="alert">
            {errorMessage(failure, shared)}
          </p>
        )}
      </>
    );
  }
  if (!state.rateable) return <p role="status">{state.reason === 'already_rated' ? t('rate.alreadyRated') : t('rate.notReturned')}</p>;
  return (
    <form className="form rating-form" onSubmit={(e) => void send(e)}>
      <p>{state.procedureName}</p>
      <Levels name="overall" legend={t('rate.overall')} value={overall} onChange={setOverall} required />
      <fieldset className="criteria">
        <legend>{t('rate.criteria')}</legend>
        {CRITERIA.map((c) => (
          <Levels key={c} name={`criterion-${c}`} legend={t(`rate.${c}`)} value={criteria[c]} onChange={(v) => setCriteria((old) => ({ ...old, [c]: v }))} />
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="rate-comment">{t('rate.comment')}</label>
        <textarea id="rate-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={2000} />
      </div>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, shared)}
        </p>
      )}
      <button type="submit" className="button" disabled={busy || !overall}>
        {t('rate.submit')}
      </button>
    </form>
  );
}
