import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplementRequestItem, TrackView } from '@motcua/contracts';
import { ACCEPTED, MAX_UPLOAD_BYTES, portalApi, uploadFile } from './portal-api.ts';
import { portalError } from './portal-error.ts';

/**
 * Answering a supplement request (status 5) online: what the center asked for, one upload per
 * document (resumable, photos shrunk in the browser), then one "send" that puts the dossier back
 * into processing.
 */
export function SupplementForm({ dossierId, items, onSent }: { dossierId: string; items: SupplementRequestItem[]; onSent: (view: TrackView) => void }) {
  const { t } = useTranslation('portal');
  const [files, setFiles] = useState<Record<string, { fileId: string; name: string }>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = items.every((i) => files[i.key]);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      onSent(await portalApi.answerSupplement(dossierId, items.map((i) => ({ key: i.key, fileId: files[i.key]!.fileId }))));
    } catch (err) {
      setError(portalError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="portal-supplement" onSubmit={(e) => void send(e)} aria-labelledby="supplement-heading">
      <h2 id="supplement-heading">{t('supplement.title')}</h2>
      <p className="portal-hint">{t('supplement.lead')}</p>
      {items.map((i) => (
        <SupplementField key={i.key} item={i} done={files[i.key]?.name ?? null} onUploaded={(f) => setFiles((prev) => ({ ...prev, [i.key]: f }))} />
      ))}
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={!ready || busy}>
        {t('supplement.send')}
      </button>
    </form>
  );
}

function SupplementField({ item, done, onUploaded }: { item: SupplementRequestItem; done: string | null; onUploaded: (f: { fileId: string; name: string }) => void }) {
  const { t } = useTranslation('portal');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `supplement-${item.key}`;
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!ACCEPTED.includes(file.type)) return setError(t('apply.fileType'));
    if (file.size > MAX_UPLOAD_BYTES && !file.type.startsWith('image/')) return setError(t('apply.fileTooBig'));
    try {
      setProgress(0);
      const f = await uploadFile(file, item.key, setProgress);
      onUploaded({ fileId: f.id, name: f.name });
    } catch (e) {
      setError(portalError(e, t));
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="portal-doc">
      <label htmlFor={id}>{t('apply.chooseFile', { name: item.name })}</label>
      {item.note && (
        <p className="portal-hint" id={`${id}-note`}>
          {t('supplement.note', { note: item.note })}
        </p>
      )}
      <input id={id} type="file" accept={ACCEPTED.join(',')} aria-describedby={item.note ? `${id}-note` : undefined} onChange={(e) => void pick(e.target.files?.[0])} />
      {progress !== null && <p role="status">{t('apply.uploading', { percent: progress })}</p>}
      {done && <p className="portal-hint">{t('apply.uploaded', { name: done })}</p>}
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </div>
  );
}
