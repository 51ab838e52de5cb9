import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AskResponse } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { assistantApi } from './assistant-api.ts';
import { AnswerView } from './answer-view.tsx';
import { useSpeech } from './use-speech.ts';
import './assistant.css';

type Exchange = { key: number; question: string; answer: AskResponse | null; failure: 'error' | 'dossier_not_found' | null };

/** A kiosk is shared: the next person must not see the last person's questions. */
const KIOSK_IDLE_MS = 120_000;

/**
 * The procedure assistant as a chat: questions typed (or spoken where the browser can), answers
 * from the catalog with every fact linked to its procedure page. Used on the citizen portal and,
 * in large text, on the kiosk. On a procedure's page, `contextCode` answers questions that name none.
 */
export function AssistantWidget({ surface, centerId, contextCode }: { surface: 'portal' | 'kiosk'; centerId?: string; contextCode?: string }) {
  const { t } = useTranslation('assistant');
  const id = useId();
  const [text, setText] = useState('');
  const [log, setLog] = useState<Exchange[]>([]);
  const [busy, setBusy] = useState(false);
  const counter = useRef(0);
  const language = currentLanguage();
  const speech = useSpeech(language, (spoken) => {
    setText(spoken);
    void send(spoken);
  });

  useEffect(() => {
    if (surface !== 'kiosk' || log.length === 0) return;
    const timer = setTimeout(() => setLog([]), KIOSK_IDLE_MS);
    return () => clearTimeout(timer);
  }, [surface, log]);

  async function run(question: string, call: () => Promise<AskResponse>) {
    const key = ++counter.current;
    setLog((l) => [...l, { key, question, answer: null, failure: null }]);
    setBusy(true);
    try {
      const answer = await call();
      setLog((l) => l.map((e) => (e.key === key ? { ...e, answer } : e)));
    } catch (error) {
      const failure = error instanceof ApiError && error.code === 'assistant.dossier_not_found' ? 'dossier_not_found' : 'error';
      setLog((l) => l.map((e) => (e.key === key ? { ...e, failure } : e)));
    } finally {
      setBusy(false);
    }
  }

  const base = () => ({ language, surface, ...(centerId ? { centerId } : {}), ...(contextCode ? { contextCode } : {}) });
  const send = (question: string, procedureCode?: string) =>
    run(question, () => assistantApi.ask({ ...base(), question, ...(procedureCode ? { procedureCode } : {}) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const question = text.trim();
    if (!question || busy) return;
    setText('');
    void send(question);
  }

  return (
    <section className={`assistant assistant-${surface}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <div className="assistant-log" role="log" aria-live="polite" aria-label={t('conversation')}>
        {log.map((e) => (
          <div key={e.key} className="assistant-exchange">
            <p className="assistant-question">
              <span className="visually-hidden">{t('you')}: </span>
              {e.question}
            </p>
            {e.answer ? (
              <AnswerView
                answer={e.answer}
                surface={surface}
                onPick={(code) => void send(e.question, code)}
                onDossier={(code, phoneLast4) => run(e.question, () => assistantApi.askDossier({ ...base(), question: e.question, dossier: { code, phoneLast4 } }))}
              />
            ) : e.failure ? (
              <p className="alert">{e.failure === 'dossier_not_found' ? t('dossier.notFound') : t('error')}</p>
            ) : (
              <p role="status">{t('asking')}</p>
            )}
          </div>
        ))}
      </div>
      <form className="assistant-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('questionLabel')}</label>
          <div className="assistant-row">
            <input id={`${id}-q`} type="text" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" maxLength={500} aria-describedby={`${id}-hint`} />
            <button type="submit" className="button" disabled={busy}>
              {t('ask')}
            </button>
            {speech.supported && (
              <button type="button" className="button button-secondary" aria-pressed={speech.listening} onClick={speech.toggle}>
                {speech.listening ? t('listening') : t('voice')}
              </button>
            )}
          </div>
          <p id={`${id}-hint`} className="hint">
            {speech.failed ? t('voiceFailed') : t('questionHint')}
          </p>
        </div>
      </form>
    </section>
  );
}
