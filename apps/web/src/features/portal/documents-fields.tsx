import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenFileView, DocumentItem, DraftView } from '@motcua/contracts';
import { ACCEPTED, MAX_UPLOAD_BYTES, uploadFile, type StoreResult } from './portal-api.ts';
import { portalError } from './portal-error.ts';

type Attachments = DraftView['attachments'];

/** One upload (or reuse from my document store) per document of the procedure version. */
/** The documents asked for online (the paper declaration is for the counter and post). */
export const onlineDocuments = (documents: DocumentItem[]) => documents.filter((d) => !d.channels || d.channels.includes('online'));

export function DocumentsFields(props: { documents: DocumentItem[]; value: Attachments; store: { files: CitizenFileView[]; results: StoreResult[] }; onChange: (a: Attachments) => void }) {
  const { t } = useTranslation('portal');
  return (
    <fieldset>
      <legend>{t('apply.documents')}</legend>
      <p className="portal-hint">{t('apply.fileHint')}</p>
      {onlineDocuments(props.documents).map((d) => (
        <DocumentField key={d.id} doc={d} value={props.value[d.id]} store={props.store} onChange={(v) => props.onChange(v ? { ...props.value, [d.id]: v } : Object.fromEntries(Object.entries(props.value).filter(([k]) => k !== d.id)))} />
      ))}
    </fieldset>
  );
}

function DocumentField({ doc, value, store, onChange }: { doc: DocumentItem; value: Attachments[string] | undefined; store: { files: CitizenFileView[]; results: StoreResult[] }; onChange: (v: Attachments[string] | null) => void }) {
  const { t } = useTranslation('portal');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const id = `doc-${doc.id}`;
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!ACCEPTED.includes(file.type)) return setError(t('apply.fileType'));
    if (file.size > MAX_UPLOAD_BYTES && !file.type.startsWith('image/')) return setError(t('apply.fileTooBig'));
    try {
      setProgress(0);
      const done = await uploadFile(file, doc.id, setProgress);
      setName(done.name);
      onChange({ fileId: done.id, source: 'upload' });
    } catch (e) {
      setError(portalError(e, t));
    } finally {
      setProgress(null);
    }
  };
  const storeValue = value && value.source !== 'upload' && value.fileId ? `${value.source}:${value.fileId}` : '';
  const label = doc.name.length > 160 ? `${doc.name.slice(0, 157)}…` : doc.name;
  return (
    <div className="portal-doc">
      <label htmlFor={id}>
        {t('apply.chooseFile', { name: label })} ({doc.requirement === 'mandatory' ? t('apply.required') : t('apply.optional')})
      </label>
      <input id={id} type="file" accept={ACCEPTED.join(',')} onChange={(e) => void pick(e.target.files?.[0])} />
      {(store.files.length > 0 || store.results.length > 0) && (
        <div className="field">
          <label htmlFor={`${id}-store`}>{t('apply.fromStore')}</label>
          <select
            id={`${id}-store`}
            value={storeValue}
            onChange={(e) => {
              const [source, fileId] = e.target.value.split(':');
              onChange(fileId ? { fileId, source: source as 'document_store' | 'earlier_result' } : null);
            }}
          >
            <option value="">{t('apply.fromStoreNone')}</option>
            {store.files.map((f) => (
              <option key={f.id} value={`document_store:${f.id}`}>
                {f.name}
              </option>
            ))}
            {store.results.map((r) => (
              <option key={r.id} value={`earlier_result:${r.id}`}>
                {r.code} — {r.procedureName}
              </option>
            ))}
          </select>
        </div>
      )}
      {progress !== null && <p role="status">{t('apply.uploading', { percent: progress })}</p>}
      {value?.source === 'upload' && <p className="portal-hint">{t('apply.uploaded', { name: name ?? '✓' })}</p>}
      {value?.source === 'population_db' && <p className="portal-hint">{t('apply.fromRegistry')}</p>}
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </div>
  );
}
