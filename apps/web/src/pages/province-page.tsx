import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SignedIn } from '../features/auth/signed-in.tsx';
import { CatalogAdminLink } from '../features/catalog/catalog-links.tsx';
import { ProvinceReportsLink } from '../features/reports/reports-link.tsx';
import { QueueStats } from '../features/queue/queue-stats.tsx';
import { SyncLink } from '../features/sync/sync-link.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function ProvincePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('province.title'));
  return (
    <>
      <h1>{t('province.heading')}</h1>
      <SignedIn>
        {(me) => (
          <>
            <p className="lead">{t('province.lead', { province: me.province.fullName })}</p>
            <p>{t('province.next')}</p>
            <p>
              <Link to="/province/calendar">{t('calendar.linkFromProvince')}</Link>
            </p>
            <ProvinceReportsLink />
            <CatalogAdminLink />
            <SyncLink />
            <QueueStats />
          </>
        )}
      </SignedIn>
    </>
  );
}
