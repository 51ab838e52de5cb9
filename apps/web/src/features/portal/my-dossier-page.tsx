import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TrackView } from '@motcua/contracts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { DossierStatus } from './dossier-status.tsx';
import { portalApi } from './portal-api.ts';
import { portalError } from './portal-error.ts';
import { SupplementForm } from './supplement-form.tsx';
import './portal.css';

/** One of my dossiers: status, next step, payment, results; a supplement request is answered here. */
export function MyDossierPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const [view, setView] = useState<TrackView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  useDocumentTitle(view?.code ?? t('mine.title'));
  useEffect(() => {
    portalApi.dossier(id).then(setView, (e: unknown) => setError(portalError(e, t)));
  }, [id, t]);
  return (
    <>
      <p>
        <Link to="/citizen/dossiers">{t('mine.title')}</Link>
      </p>
      <h1>{view?.code ?? t('mine.title')}</h1>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {sent && <p role="status">{t('supplement.sent')}</p>}
      {view?.status === 'supplement_requested' && view.supplementRequest.length > 0 && (
        <SupplementForm
          dossierId={id}
          items={view.supplementRequest}
          onSent={(v) => {
            setView(v);
            setSent(true);
          }}
        />
      )}
      {view && <DossierStatus view={view} canPay />}
    </>
  );
}
