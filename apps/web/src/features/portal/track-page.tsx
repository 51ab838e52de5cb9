import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TrackView } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { DossierStatus } from './dossier-status.tsx';
import { portalApi } from './portal-api.ts';
import { portalError } from './portal-error.ts';
import './portal.css';

/** Public tracking (the QR code on Form 01 opens /tra-cuu/{code}): code + second factor. */
export function TrackPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('track.title'));
  const params = useParams();
  const [code, setCode] = useState(params.code ?? '');
  const [factor, setFactor] = useState('');
  const [view, setView] = useState<TrackView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setView(await portalApi.track(code.trim(), factor.trim()));
    } catch (err) {
      setView(null);
      setError(err instanceof ApiError && err.status === 404 ? t('track.notFound') : err instanceof ApiError && err.status === 429 ? t('track.tooMany') : portalError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('track.title')}</h1>
      <p>{t('track.lead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="track-code">{t('track.code')}</label>
          <input id="track-code" required value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" />
        </div>
        <div className="field">
          <label htmlFor="track-factor">{t('track.factor')}</label>
          <input id="track-factor" required value={factor} onChange={(e) => setFactor(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('track.submit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {view && (
        <section aria-live="polite">
          <DossierStatus view={view} />
        </section>
      )}
    </>
  );
}
