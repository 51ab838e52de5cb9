import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentItem, ProcedureDetail, ProcedureSummary } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { catalogApi } from '../catalog/catalog-api.ts';
import { feesText, timeLimitText } from '../catalog/format.ts';

const LIMIT = 8;

/**
 * "Tra cứu thủ tục" on the kiosk: large text, one result per big button, then what the procedure
 * costs, how long it takes and what to bring. Only what this center offers is searched.
 */
export function KioskSearch({ centerId, onBack }: { centerId: string; onBack: () => void }) {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ProcedureSummary[] | null>(null);
  const [chosen, setChosen] = useState<ProcedureDetail | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lastChosen = useRef<string | null>(null);

  async function load<T>(work: () => Promise<T>, done: (value: T) => void) {
    setBusy(true);
    setFailure(null);
    try {
      done(await work());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!q.trim()) return;
    setChosen(null);
    void load(() => catalogApi.search({ q: q.trim(), centerId, limit: LIMIT }), (r) => setResults(r.items));
  }

  function open(code: string) {
    lastChosen.current = code;
    void load(() => catalogApi.procedure(code), setChosen);
  }

  function backToResults() {
    setChosen(null);
    // Keyboard users land back on the procedure they opened.
    setTimeout(() => document.getElementById(`kiosk-proc-${lastChosen.current}`)?.focus(), 0);
  }

  return (
    <section aria-labelledby="kiosk-search-heading" className="kiosk-panel kiosk-search">
      <h1 id="kiosk-search-heading">{t('search.heading')}</h1>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, tc)}
        </p>
      )}
      {chosen ? (
        <ProcedureFacts procedure={chosen} onBack={backToResults} />
      ) : (
        <>
          <form role="search" className="kiosk-search-form" onSubmit={search}>
            <div className="field">
              <label htmlFor="kiosk-search-q">{t('search.label')}</label>
              <input id="kiosk-search-q" type="search" autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="kiosk-search-hint" autoFocus />
              <p id="kiosk-search-hint" className="hint">
                {t('search.hint')}
              </p>
            </div>
            <button type="submit" className="button kiosk-button" disabled={busy}>
              {t('search.submit')}
            </button>
          </form>
          {busy && <p role="status">{tc('app.loading')}</p>}
          {results && (
            <section aria-labelledby="kiosk-results-heading">
              <h2 id="kiosk-results-heading">{t('search.results')}</h2>
              {results.length === 0 ? (
                <p role="status">{t('search.none')}</p>
              ) : (
                <ul className="kiosk-results">
                  {results.map((p) => (
                    <li key={p.code}>
                      <button id={`kiosk-proc-${p.code}`} type="button" className="kiosk-result" onClick={() => open(p.code)}>
                        <span className="kiosk-result-name">{p.name}</span>
                        <span className="kiosk-result-sector">{p.sector}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
      <div className="kiosk-actions">
        <button type="button" className="button button-secondary kiosk-button" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </div>
    </section>
  );
}

function ProcedureFacts({ procedure: p, onBack }: { procedure: ProcedureDetail; onBack: () => void }) {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  // The online-only e-form is not asked for at the counter.
  const documents = p.documents.filter((d) => !d.channels || d.channels.includes('counter'));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [p.code]);
  return (
    <article className="kiosk-procedure" aria-labelledby="kiosk-procedure-name">
      <h2 id="kiosk-procedure-name" tabIndex={-1} ref={heading}>
        {p.name}
      </h2>
      <h3>{t('search.timeLimit')}</h3>
      <ul className="kiosk-terms">
        {p.channels.map((c) => (
          <li key={c.channel}>
            <strong>{tc(`catalog.channels.${c.channel}`)}:</strong> {timeLimitText(c.timeLimit, tc)}
          </li>
        ))}
      </ul>
      <h3>{t('search.fees')}</h3>
      <ul className="kiosk-terms">
        {p.channels.map((c) => (
          <li key={c.channel}>
            <strong>{tc(`catalog.channels.${c.channel}`)}:</strong> {feesText(c.fees, tc)}
          </li>
        ))}
      </ul>
      <h3>{t('search.bring')}</h3>
      {documents.length === 0 ? <p>{t('search.noDocuments')}</p> : <DocumentList documents={documents} />}
      <div className="kiosk-actions">
        <button type="button" className="button kiosk-button" onClick={onBack}>
          {t('search.backToResults')}
        </button>
      </div>
    </article>
  );
}

function DocumentList({ documents }: { documents: DocumentItem[] }) {
  const { t } = useTranslation('queue2');
  return (
    <ol className="kiosk-documents">
      {documents.map((d) => (
        <li key={d.id}>
          {d.name}
          <span className="kiosk-document-meta">
            {d.kind === 'present' ? ` — ${t('search.present')}` : d.originals + d.copies > 0 ? ` — ${t('search.counts', { originals: d.originals, copies: d.copies })}` : ''}
            {d.requirement === 'conditional' ? ` (${t('search.conditional')})` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
