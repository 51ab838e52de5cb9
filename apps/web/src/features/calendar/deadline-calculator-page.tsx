import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineResponse } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { calendarApi } from './calendar-api.ts';
import { formatDate } from './dates.ts';
import './calendar.css';

type LimitKind = 'workingDays' | 'workingHours' | 'sameDay';

/** "2026-02-24T10:00:00+07:00" → "Thứ Ba, 24/2/2026, 10:00": the answer is already in Vietnam time. */
const formatInstant = (iso: string, language: string) => `${formatDate(iso.slice(0, 10), language)}, ${iso.slice(11, 16)}`;

/** Public: anyone can check an appointment date the way the center computes it. */
export function DeadlineCalculatorPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('deadline.title'));
  const [receivedAt, setReceivedAt] = useState('');
  const [kind, setKind] = useState<LimitKind>('workingDays');
  const [amount, setAmount] = useState('3');
  const [cutoff, setCutoff] = useState('15:00');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<DeadlineResponse | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const limit = kind === 'sameDay' ? { sameDay: true as const, cutoff } : kind === 'workingDays' ? { workingDays: Number(amount) } : { workingHours: Number(amount) };
      setResult(await calendarApi.deadline({ receivedAt: `${receivedAt}:00+07:00`, limit }));
    } catch (error) {
      setResult(null);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('deadline.heading')}</h1>
      <p className="lead">{t('deadline.lead')}</p>
      <form className="form cal-calculator" onSubmit={submit}>
        <div className="field">
          <label htmlFor="dl-received">{t('deadline.receivedAt')}</label>
          <input id="dl-received" type="datetime-local" required value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} aria-describedby="dl-tz" />
          <small id="dl-tz">{t('deadline.timezone')}</small>
        </div>
        <div className="field">
          <label htmlFor="dl-kind">{t('deadline.limitKind')}</label>
          <select id="dl-kind" value={kind} onChange={(e) => setKind(e.target.value as LimitKind)}>
            <option value="workingDays">{t('deadline.kinds.workingDays')}</option>
            <option value="workingHours">{t('deadline.kinds.workingHours')}</option>
            <option value="sameDay">{t('deadline.kinds.sameDay')}</option>
          </select>
        </div>
        {kind === 'sameDay' ? (
          <div className="field">
            <label htmlFor="dl-cutoff">{t('deadline.cutoff')}</label>
            <input id="dl-cutoff" type="time" required value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="dl-amount">{kind === 'workingDays' ? t('deadline.days') : t('deadline.hours')}</label>
            <input id="dl-amount" type="number" required min={0} step={kind === 'workingDays' ? 0.5 : 0.25} value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('deadline.computing') : t('deadline.submit')}
        </button>
      </form>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      {result && (
        <section aria-labelledby="dl-result" role="status">
          <h2 id="dl-result">{t('deadline.resultHeading')}</h2>
          <dl className="facts">
            <dt>{t('deadline.clockStartsAt')}</dt>
            <dd>{formatInstant(result.clockStartsAt, i18n.language)}</dd>
            <dt>{t('deadline.dueAt')}</dt>
            <dd>
              <strong>{formatInstant(result.dueAt, i18n.language)}</strong>
            </dd>
          </dl>
          {result.provisional && <p className="alert">{t('deadline.provisional')}</p>}
          {result.consumed && (
            <>
              <h3>{t('deadline.consumedHeading')}</h3>
              <ol>
                {result.consumed.map((c) => (
                  <li key={c.from}>
                    {t('deadline.consumedItem', { date: formatDate(c.from.slice(0, 10), i18n.language), from: c.from.slice(11, 16), to: c.to.slice(11, 16) })}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </>
  );
}
