import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { RatingForm } from './rating-form.tsx';

/** /citizen/dossiers/:code/rate (optionally ?ticket=<queue ticket id> from a kiosk). */
export function RatingPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('feedback');
  useDocumentTitle(t('rate.title'));
  const ticket = params.get('ticket');
  return (
    <>
      <h1>{t('rate.heading', { code })}</h1>
      <p className="lead">{t('rate.lead')}</p>
      <RatingForm code={code} {...(ticket ? { ticketId: ticket } : {})} />
    </>
  );
}
