import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicTicket } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { queueApi } from './queue-api.ts';
import { TicketCard } from './ticket-card.tsx';
import { VisitRatingForm } from './visit-rating.tsx';
import './queue.css';

const REFRESH_MS = 15_000;

/** Opened from the QR code on the ticket: follow your place in line on the phone. */
export function TicketStatusPage() {
  const { ticketId = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('queue.status.title'));
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      queueApi.ticket(ticketId).then(
        (tk) => !stopped && (setTicket(tk), setFailure(null)),
        (error: unknown) => !stopped && setFailure(error),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ticketId]);

  return (
    <>
      <h1>{t('queue.status.heading')}</h1>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      {!ticket && failure === null && <p role="status">{t('app.loading')}</p>}
      {ticket && (
        <>
          <p role="status" className={ticket.counterNumber ? 'ticket-called' : 'lead'}>
            {ticket.counterNumber ? t('queue.status.goTo', { counter: ticket.counterNumber }) : t(`queue.status.${ticket.status}`)}
          </p>
          <VisitRatingForm key={ticket.id} ticket={ticket} channel="phone" />
          <TicketCard ticket={ticket} />
        </>
      )}
    </>
  );
}
