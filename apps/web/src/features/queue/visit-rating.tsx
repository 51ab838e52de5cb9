import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, VisitRating } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { queueApi } from './queue-api.ts';

export const VISIT_RATINGS: VisitRating[] = ['very_satisfied', 'satisfied', 'dissatisfied'];

/**
 * "Are you satisfied?" with three large buttons, once the ticket is done; after a rating (or when
 * one was already given) it thanks the holder instead. Shown on the phone and on the kiosk.
 */
export function VisitRatingForm({ ticket, channel, onRated }: { ticket: PublicTicket; channel: 'phone' | 'kiosk'; onRated?: (rating: VisitRating) => void }) {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  const [given, setGiven] = useState<VisitRating | null>(ticket.rating);
  const [justRated, setJustRated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  if (ticket.status !== 'done') return null;
  if (given) {
    return (
      <p role="status" className="visit-rating-done">
        {justRated ? `${t('rating.thanks')} ` : ''}
        {t('rating.given', { rating: t(`rating.${given}`) })}
      </p>
    );
  }

  async function rate(rating: VisitRating) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await queueApi.rate(ticket.id, rating, channel);
      setGiven(rating);
      setJustRated(true);
      onRated?.(rating);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const already = failure instanceof ApiError && failure.code === 'queue.already_rated';
  return (
    <fieldset className="visit-rating">
      <legend>{t('rating.question')}</legend>
      {failure !== null && (
        <p role="alert" className="alert">
          {already ? t('rating.already') : errorMessage(failure, tc)}
        </p>
      )}
      <div className="visit-rating-buttons">
        {VISIT_RATINGS.map((r) => (
          <button key={r} type="button" className={`button visit-rating-${r}`} disabled={busy || already} onClick={() => void rate(r)}>
            {t(`rating.${r}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
