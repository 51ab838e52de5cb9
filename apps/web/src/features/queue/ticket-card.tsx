import { useTranslation } from 'react-i18next';
import type { PublicTicket } from '@motcua/contracts';

const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

/** The ticket on screen and on 80 mm thermal paper (see the print rules in queue.css). */
export function TicketCard({ ticket }: { ticket: PublicTicket }) {
  const { t } = useTranslation();
  return (
    <article className="ticket-card" aria-labelledby="ticket-number">
      <p className="ticket-center">{ticket.centerName}</p>
      <p className="ticket-label">{t('queue.ticket.yourNumber')}</p>
      <p id="ticket-number" className="ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-group">{ticket.serviceGroupName}</p>
      {ticket.priority && <p className="ticket-priority">{t(`queue.priority.${ticket.priority}`)}</p>}
      <dl className="ticket-facts">
        <dt>{t('queue.ticket.issuedAt')}</dt>
        <dd>{timeFormat.format(new Date(ticket.issuedAt))}</dd>
        {ticket.status === 'waiting' && (
          <>
            <dt>{t('queue.ticket.ahead')}</dt>
            <dd>{ticket.ahead}</dd>
            <dt>{t('queue.ticket.estimate')}</dt>
            <dd>{t('queue.ticket.minutes', { minutes: ticket.estimatedWaitMinutes })}</dd>
          </>
        )}
      </dl>
      <img className="ticket-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`} alt={t('queue.ticket.qrAlt')} />
      <p className="ticket-hint">{t('queue.ticket.qrHint')}</p>
    </article>
  );
}
