import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { QueueStats } from './queue-stats.tsx';
import { SlotsForm } from './slots-form.tsx';
import './queue.css';

/** `/staff/queue`: the director's queue dashboard (figures, charts) and appointment times. */
export function QueueDirectorPage() {
  const { t } = useTranslation('queue2');
  useDocumentTitle(t('director.title'));
  return (
    <>
      <h1>{t('director.heading')}</h1>
      <SignedIn>
        {(me) => (
          <>
            <p className="lead">{t('director.lead')}</p>
            <QueueStats />
            {me.center && (me.user.role === 'director' ? <SlotsForm centerId={me.center.id} /> : <p>{t('director.directorOnly')}</p>)}
            {me.center && (
              <section aria-labelledby="door-qr">
                <h2 id="door-qr">{t('remote.doorHeading')}</h2>
                <p>{t('remote.doorLead')}</p>
                <img className="door-qr" src={`/api/v1/queue/centers/${me.center.id}/door.svg`} alt={t('remote.doorAlt', { center: me.center.name })} width={240} height={240} />
                <p>
                  <a href={`/api/v1/queue/centers/${me.center.id}/door.svg`} target="_blank" rel="noopener">
                    {t('remote.doorOpen')}
                  </a>
                </p>
              </section>
            )}
          </>
        )}
      </SignedIn>
    </>
  );
}
