import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ProcedureSearchResult } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { catalogApi } from './catalog-api.ts';
import './catalog.css';

type State = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; result: ProcedureSearchResult } | { status: 'failed'; error: unknown };

/** Public search: the address holds the query, so a result list can be shared or bookmarked. */
export function ProcedureSearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.searchTitle'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sector = params.get('sector') ?? '';
  const onlineLevel = params.get('onlineLevel') ?? '';
  const [text, setText] = useState(q);
  const [sectors, setSectors] = useState<{ sector: string; count: number }[]>([]);
  const [state, setState] = useState<State>({ status: 'idle' });
  const inputId = useId();

  useEffect(() => {
    const controller = new AbortController();
    catalogApi.sectors(controller.signal).then(setSectors, () => setSectors([]));
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    catalogApi.search({ q, sector, onlineLevel, limit: 30 }, controller.signal).then(
      (result) => setState({ status: 'ready', result }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [q, sector, onlineLevel]);

  function update(next: Record<string, string>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: false });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: text.trim() });
  }

  return (
    <>
      <h1>{t('catalog.searchTitle')}</h1>
      <p className="lead">{t('catalog.searchLead')}</p>
      <form role="search" className="catalog-search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>{t('catalog.searchLabel')}</label>
          <div className="catalog-search-row">
            <input id={inputId} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
            <button type="submit" className="button">
              {t('catalog.searchButton')}
            </button>
          </div>
        </div>
        <div className="catalog-filters">
          <div className="field">
            <label htmlFor={`${inputId}-sector`}>{t('catalog.sector')}</label>
            <select id={`${inputId}-sector`} value={sector} onChange={(e) => update({ sector: e.target.value })}>
              <option value="">{t('catalog.allSectors')}</option>
              {sectors.map((s) => (
                <option key={s.sector} value={s.sector}>
                  {s.sector} ({s.count})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${inputId}-online`}>{t('catalog.onlineFilter')}</label>
            <select id={`${inputId}-online`} value={onlineLevel} onChange={(e) => update({ onlineLevel: e.target.value })}>
              <option value="">{t('catalog.anyOnline')}</option>
              {(['full', 'partial', 'none'] as const).map((level) => (
                <option key={level} value={level}>
                  {t(`catalog.online.${level}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <Results state={state} />
    </>
  );
}

function Results({ state }: { state: State }) {
  const { t } = useTranslation();
  if (state.status === 'failed') return <p role="alert" className="alert">{errorMessage(state.error, t)}</p>;
  const result = state.status === 'ready' ? state.result : null;
  return (
    <section aria-labelledby="catalog-results-heading">
      <h2 id="catalog-results-heading" className="visually-hidden">
        {t('catalog.resultsHeading')}
      </h2>
      <p role="status" className="catalog-count">
        {state.status === 'loading' ? t('app.loading') : result ? (result.total === 0 ? t('catalog.noResults') : t('catalog.resultCount', { count: result.total })) : ''}
      </p>
      {result && result.items.length > 0 && (
        <ol className="catalog-results">
          {result.items.map((item) => (
            <li key={item.code}>
              <Link to={`/citizen/procedures/${item.code}`} className="catalog-result-name">
                {item.name}
              </Link>
              <span className="catalog-result-meta">
                {item.sector} · {t(`catalog.levels.${item.level}`)} · {t(`catalog.online.${item.onlineLevel}`)} · {t('catalog.code')} {item.code}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
