import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrecheckResponse } from '@motcua/contracts';
import { currentLanguage } from '../../i18n/index.ts';
import { assistantApi } from './assistant-api.ts';

/**
 * Before online submission: the chosen files (only their names, types and sizes leave the browser)
 * against the procedure's checklist, listing what is missing.
 */
export function PrecheckPanel({ code }: { code: string }) {
  const { t } = useTranslation('assistant');
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<PrecheckResponse | null>(null);
  const [failed, setFailed] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(false);
    try {
      setResult(await assistantApi.precheck({ procedureCode: code, language: currentLanguage(), files: files.map((f) => ({ name: f.name, type: f.type, size: f.size })) }));
    } catch {
      setFailed(true);
    }
  }

  return (
    <details className="assistant-precheck">
      <summary>{t('precheck.legend')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('precheck.files')}</label>
          <input id={`${id}-files`} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={`${id}-hint`} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          <p id={`${id}-hint`} className="hint">
            {t('precheck.hint')}
          </p>
        </div>
        <button type="submit" className="button">
          {t('precheck.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {failed && <p className="alert">{t('error')}</p>}
        {result && (
          <>
            <p>{result.text}</p>
            {result.missing.length > 0 && <List title={t('precheck.missing')} items={result.missing.map((m) => m.name)} />}
            {result.rejected.length > 0 && <List title={t('precheck.rejected')} items={result.rejected.map((r) => `${r.name}: ${t(`precheck.reason.${r.reason}`)}`)} />}
            {result.unmatched.length > 0 && <List title={t('precheck.unmatched')} items={result.unmatched} />}
            <List title={t('precheck.attached')} items={result.items.filter((i) => i.files.length > 0).map((i) => `${i.name.slice(0, 120)}: ${i.files.join(', ')}`)} />
          </>
        )}
      </div>
    </details>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  );
}
