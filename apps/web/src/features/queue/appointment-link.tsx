import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** The citizen home's way to the appointment booking page. */
export function AppointmentLink() {
  const { t } = useTranslation('queue2');
  return (
    <p>
      <Link to="/citizen/appointments">{t('appointments.link')}</Link> — {t('appointments.linkHint')}
      <br />
      <Link to="/citizen/queue">{t('remote.link')}</Link> — {t('remote.linkHint')}
    </p>
  );
}

/** The staff home's way to the queue dashboard, for those who run the center. */
export function QueueDirectorLink({ role }: { role: string }) {
  const { t } = useTranslation('queue2');
  if (role !== 'director' && role !== 'leader') return null;
  return (
    <p>
      <Link to="/staff/queue">{t('director.link')}</Link>
    </p>
  );
}
