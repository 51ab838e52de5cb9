import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentItem, DossierView } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { dossierApi, type DossierFile } from './dossier-api.ts';
import { dossierErrorMessage } from './dossier-errors.ts';
import { formatDateTime } from './format.ts';
import { shrinkImage } from './shrink-image.ts';
import { useLoad } from './use-load.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const TYPES = new Map([
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
]);
/** The API's body limit; checked here too so a hopeless upload is not sent at all. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

class LocalRefusal extends Error {
  constructor(readonly reason: 'fileType' | 'tooLarge') {
    super(reason);
  }
}

export function fileErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof LocalRefusal) return t(`dossier.files.errors.${error.reason}`);
  if (error instanceof ApiError) {
    if (error.status === 413) return t('dossier.files.errors.tooLarge');
    if (error.status === 415 || error.code === 'dossier.file_type') return t('dossier.files.errors.fileType');
    if (error.code === 'dossier.unknown_item') return t('dossier.files.errors.unknownItem');
    if (error.code === 'dossier.empty_file') return t('dossier.files.errors.empty');
  }
  return dossierErrorMessage(error, t);
}

/** "340 KB", "1,2 MB" in the reader's language. */
export function formatSize(bytes: number, language: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(mb)} MB`;
  return `${new Intl.NumberFormat(language).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Scans of the checklist (Circular 01/2023 e-dossier): what is attached per item, and a way to add more. */
export function DigitisedFiles({ dossier, onUploaded }: { dossier: DossierView; onUploaded: () => void }) {
  const { t } = useTranslation();
  const version = useLoad(dossier.procedureVersionId, (signal) => dossierApi.procedureVersion(dossier.procedureCode, dossier.procedureVersionId, signal));
  const files = useLoad(dossier.id, (signal) => dossierApi.files(dossier.id, signal));
  const failed = version.status === 'failed' ? version.error : files.status === 'failed' ? files.error : null;

  function uploaded() {
    files.reload();
    onUploaded();
  }

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t('dossier.files.heading')}</h2>
      {failed !== null ? (
        <p className="alert">{dossierErrorMessage(failed, t)}</p>
      ) : version.status !== 'ready' || files.status !== 'ready' ? (
        <p role="status">{t('app.loading')}</p>
      ) : version.data.documents.length === 0 ? (
        <p className="note">{t('dossier.files.noItems')}</p>
      ) : (
        <ul className="file-items">
          {version.data.documents.map((item) => (
            <FileItem key={item.id} dossierId={dossier.id} item={item} files={files.data.filter((f) => f.itemId === item.id)} onUploaded={uploaded} />
          ))}
        </ul>
      )}
    </section>
  );
}

type Upload = { phase: 'idle' } | { phase: 'shrinking' | 'uploading' } | { phase: 'done' } | { phase: 'failed'; error: unknown };

function FileItem({ dossierId, item, files, onUploaded }: { dossierId: string; item: DocumentItem; files: DossierFile[]; onUploaded: () => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const busy = upload.phase === 'shrinking' || upload.phase === 'uploading';

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const picked = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing a problem) fires again.
    input.value = '';
    if (!picked) return;
    try {
      if (!TYPES.has(picked.type)) throw new LocalRefusal('fileType');
      setUpload({ phase: 'shrinking' });
      const file = await shrinkImage(picked);
      if (file.size > MAX_FILE_BYTES) throw new LocalRefusal('tooLarge');
      setUpload({ phase: 'uploading' });
      await dossierApi.attachFile(dossierId, item.id, file);
      setUpload({ phase: 'done' });
      onUploaded();
    } catch (error) {
      setUpload({ phase: 'failed', error });
    }
  }

  return (
    <li className="file-item" aria-busy={busy}>
      <p className="file-item-name">
        {item.name}
        {item.digitise && <span className="file-item-badge"> · {t('dossier.files.mustDigitise')}</span>}
      </p>
      {files.length === 0 ? (
        <p className="file-none">{t('dossier.files.none')}</p>
      ) : (
        <ul className="form-links">
          {files.map((f, i) => (
            <li key={f.id}>
              <a href={dossierApi.fileUrl(dossierId, f.id)} target="_blank" rel="noopener">
                {t('dossier.files.scan', { n: i + 1, type: TYPES.get(f.mime) ?? f.mime })}
              </a>{' '}
              · {formatSize(f.size, i18n.language)} · SHA-256 <code title={f.sha256}>{f.sha256.slice(0, 12)}</code> · {formatDateTime(f.uploadedAt)}
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="file-input-label">
        {t('dossier.files.add')}
        <span className="visually-hidden">: {item.name}</span>
      </label>{' '}
      <input id={inputId} type="file" accept={ACCEPT} disabled={busy} onChange={(e) => void chosen(e)} />
      <p className="field-hint">{t('dossier.files.hint')}</p>
      {busy && <p role="status">{t(upload.phase === 'shrinking' ? 'dossier.files.shrinking' : 'dossier.files.uploading')}</p>}
      {upload.phase === 'done' && (
        <p role="status" className="success">
          {t('dossier.files.done')}
        </p>
      )}
      {upload.phase === 'failed' && (
        <p role="alert" className="alert">
          {fileErrorMessage(upload.error, t)}
        </p>
      )}
    </li>
  );
}
