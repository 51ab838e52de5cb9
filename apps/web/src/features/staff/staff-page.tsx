import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Center, Me } from '@motcua/contracts';
import { api, ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { WorkingHoursTable } from './working-hours-table.tsx';
import { WorkCards } from '../dossier/staff-links.tsx';
import { CenterReportsLink } from '../reports/reports-link.tsx';
import { QueueDirectorLink } from '../queue/appointment-link.tsx';
import { VoiceAndFeesCards } from '../feedback/voice-cards.tsx';

export function StaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.title'));
  return (
    <>
      <h1>{t('staff.heading')}</h1>
      <SignedIn>{(me) => <WhoAmI me={me} />}</SignedIn>
    </>
  );
}

function WhoAmI({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <WorkCards role={me.user.role} />
      <CenterReportsLink role={me.user.role} />
      <QueueDirectorLink role={me.user.role} />
      <VoiceAndFeesCards role={me.user.role} />
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t('staff.account')}</h2>
        <dl className="facts">
          <dt>{t('staff.fullName')}</dt>
          <dd>{me.user.fullName}</dd>
          <dt>{t('staff.username')}</dt>
          <dd>{me.user.username}</dd>
          <dt>{t('staff.role')}</dt>
          <dd>{t(`roles.${me.user.role}`)}</dd>
        </dl>
      </section>
      {me.center ? (
        <CenterDetails center={me.center} />
      ) : (
        <p>{t('staff.noCenter', { province: me.province.fullName })}</p>
      )}
      <SignOutButton />
    </>
  );
}

function CenterDetails({ center }: { center: Center }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="center-heading">
      <h2 id="center-heading">{t('staff.center')}</h2>
      <dl className="facts">
        <dt>{t('staff.centerName')}</dt>
        <dd>{center.name}</dd>
        <dt>{t('staff.agencyCode')}</dt>
        <dd>{center.agencyCode}</dd>
        <dt>{t('staff.level')}</dt>
        <dd>{t(`levels.${center.level}`)}</dd>
        {center.communeName && (
          <>
            <dt>{t('staff.commune')}</dt>
            <dd>{center.communeName}</dd>
          </>
        )}
        <dt>{t('staff.province')}</dt>
        <dd>{center.provinceName}</dd>
        <dt>{t('staff.address')}</dt>
        <dd>{center.address}</dd>
      </dl>
      <h3>{t('staff.workingHours')}</h3>
      <WorkingHoursTable hours={center.workingHours} />
      <h3>{t('staff.counters')}</h3>
      {center.counters.length === 0 ? (
        <p>{t('staff.noCounters')}</p>
      ) : (
        <ul className="counters">
          {center.counters.map((counter) => (
            <li key={counter.id}>
              <strong>{t('staff.counterNumber', { number: counter.number })}</strong>: {counter.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function signOut() {
    setBusy(true);
    setFailure(null);
    try {
      await api.logout();
      navigate('/login', { replace: true });
    } catch (error) {
      // An expired session is already signed out, which is what the user asked for.
      if (error instanceof ApiError && error.status === 401) return navigate('/login', { replace: true });
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <div className="actions">
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={signOut} disabled={busy}>
        {busy ? t('staff.signingOut') : t('staff.signOut')}
      </button>
    </div>
  );
}
