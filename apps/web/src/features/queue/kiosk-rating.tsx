import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicket } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { queueApi } from './queue-api.ts';
import { VisitRatingForm } from './visit-rating.tsx';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The kiosk's "Đánh giá" screen: the citizen scans the QR code on the paper ticket (a USB scanner
 * types its address and Enter); only the ticket's id, which nobody else holds, opens the rating.
 */
export function KioskRating({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  const [scan, setScan] = useState('');
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = UUID.exec(scan)?.[0];
    setTicket(null);
    if (!id) {
      setFailure(t('rating.badTicket'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const found = await queueApi.ticket(id.toLowerCase());
      if (found.status === 'done') setTicket(found);
      else setFailure(t('rating.notFinished', { number: found.number }));
    } catch (error) {
      setFailure(error instanceof ApiError && (error.status === 404 || error.status === 400) ? t('rating.badTicket') : errorMessage(error, tc));
    } finally {
      setBusy(false);
      setScan('');
    }
  }

  return (
    <section aria-labelledby="kiosk-rating-heading" className="kiosk-panel">
      <h1 id="kiosk-rating-heading">{t('rating.kioskHeading')}</h1>
      {failure && (
        <p role="alert" className="alert">
          {failure}
        </p>
      )}
      {ticket ? (
        <>
          <p className="kiosk-rating-number">{t('rating.forNumber', { number: ticket.number })}</p>
          <VisitRatingForm ticket={ticket} channel="kiosk" />
        </>
      ) : (
        <form className="kiosk-checkin" onSubmit={(e) => void find(e)}>
          <p className="lead">{t('rating.kioskLead')}</p>
          <div className="field">
            <label htmlFor="kiosk-rating-scan">{t('rating.ticketLabel')}</label>
            <input id="kiosk-rating-scan" autoComplete="off" value={scan} onChange={(e) => setScan(e.target.value)} autoFocus />
          </div>
          <button type="submit" className="button kiosk-button" disabled={busy}>
            {t('rating.find')}
          </button>
        </form>
      )}
      <div className="kiosk-actions">
        <button type="button" className="button button-secondary kiosk-button" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </div>
    </section>
  );
}
