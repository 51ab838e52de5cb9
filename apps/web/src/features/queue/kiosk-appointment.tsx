import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicTicket } from '@motcua/contracts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { queueApi } from './queue-api.ts';

/**
 * "Tôi đã đặt lịch hẹn": check in with the booking code (typed, or scanned from its QR code) or
 * the phone number used for booking. The API issues a ticket placed at the appointment time.
 */
export function KioskAppointment({ centerId, onTicket, onBack }: { centerId: string; onTicket: (ticket: PublicTicket) => void; onBack: () => void }) {
  const { t } = useTranslation('queue2');
  const { t: tc } = useTranslation();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const by = code.trim() ? { code: code.trim() } : phone.trim() ? { phone: phone.trim() } : null;
    if (!by) {
      setFailure(t('kiosk.checkInMissing'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onTicket(await queueApi.checkIn(centerId, by));
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      setFailure(code === 'queue.appointment_not_found' ? t('kiosk.notFound') : code === 'queue.appointment_other_day' ? t('kiosk.otherDay') : errorMessage(error, tc));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="kiosk-appointment-heading" className="kiosk-panel">
      <h1 id="kiosk-appointment-heading">{t('kiosk.checkInHeading')}</h1>
      <p className="lead">{t('kiosk.checkInLead')}</p>
      {failure && (
        <p role="alert" className="alert">
          {failure}
        </p>
      )}
      <form className="kiosk-checkin" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="kiosk-code">{t('kiosk.byCode')}</label>
          <input id="kiosk-code" autoComplete="off" autoCapitalize="characters" value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor="kiosk-appointment-phone">{t('kiosk.byPhone')}</label>
          <input id="kiosk-appointment-phone" type="tel" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
        <div className="kiosk-actions">
          <button type="submit" className="button kiosk-button" disabled={busy}>
            {t('kiosk.checkIn')}
          </button>
          <button type="button" className="button button-secondary kiosk-button" onClick={onBack}>
            {t('kiosk.back')}
          </button>
        </div>
      </form>
      <p className="hint">
        {t('kiosk.bookHint')} <Link to={`/citizen/appointments?center=${centerId}`}>{t('appointments.link')}</Link>
      </p>
    </section>
  );
}
