import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { reportsApi } from './reports-api.ts';

/** Upload of historical dossiers (CSV or JSON): all or nothing, and the bad row is named. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('reports');
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: ImportResult } | { rejected: string } | { failed: string } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: await reportsApi.importFile(file) });
      onImported();
    } catch (error) {
      const first = error instanceof ApiError && error.code === 'reports.import_invalid_row' ? error.problem?.errors?.[0] : undefined;
      const m = first ? /^rows\[(\d+)\]\.(.+)$/.exec(first.path) : null;
      if (first && m) setOutcome({ rejected: t('import.rejected', { row: m[1], field: m[2], message: first.message }) });
      else setOutcome({ failed: error instanceof ApiError ? error.code : 'client' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('import.heading')}</h2>
      <p className="note">{t('import.lead')}</p>
      <form onSubmit={submit} className="report-import">
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
        <button type="submit" disabled={busy || !file}>
          {t('import.submit')}
        </button>
      </form>
      <div aria-live="polite">{outcome && 'ok' in outcome && <p className="success">{t('import.done', outcome.ok)}</p>}</div>
      {outcome && 'rejected' in outcome && (
        <p role="alert" className="alert">
          {outcome.rejected}
        </p>
      )}
      {outcome && 'failed' in outcome && (
        <p role="alert" className="alert">
          {t('import.failed', { code: outcome.failed })}
        </p>
      )}
    </section>
  );
}
