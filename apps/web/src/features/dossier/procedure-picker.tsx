import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '@motcua/contracts';
import { dossierApi } from './dossier-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'done'; items: ProcedureSummary[]; total: number } | { status: 'failed'; error: unknown };

// Long enough to skip the keystrokes of a word being typed, short enough to feel immediate.
const DEBOUNCE_MS = 250;

/** Search box over the catalog (accent-insensitive, by name or code) with the results as buttons. */
export function ProcedurePicker({ centerId, onPick, disabled }: { centerId: string | null; onPick: (code: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setSearch({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ status: 'searching' });
      dossierApi.searchProcedures(q, centerId, controller.signal).then(
        (result) => setSearch({ status: 'done', items: result.items, total: result.total }),
        (error: unknown) => {
          if (!controller.signal.aborted) setSearch({ status: 'failed', error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, centerId]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter takes the best match, so a known code or name needs no mouse at all.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (search.status === 'done' && search.items[0]) onPick(search.items[0].code);
  }

  return (
    <div className="procedure-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('dossier.intake.procedureSearch')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('dossier.intake.procedureSearchHint')}
        </p>
        <input
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div role="status" className="search-status">
        {search.status === 'searching' && t('dossier.intake.searching')}
        {search.status === 'done' && (search.total === 0 ? t('dossier.intake.noProcedure') : t('dossier.intake.found', { total: search.total }))}
      </div>
      {search.status === 'failed' && (
        <p role="alert" className="alert">
          {dossierErrorMessage(search.error, t)}
        </p>
      )}
      {search.status === 'done' && search.items.length > 0 && (
        <ul className="pick-list" aria-label={t('dossier.intake.results')}>
          {search.items.map((p) => (
            <li key={p.code}>
              <button type="button" className="pick" onClick={() => onPick(p.code)}>
                <span className="pick-title">{p.name}</span>
                <span className="pick-meta">
                  {p.code} · {p.sector}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
