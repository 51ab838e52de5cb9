import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** The province page's way in to the sync dashboard. */
export function SyncLink() {
  const { t } = useTranslation('sync');
  return (
    <p>
      <Link to="/province/sync">{t('link')}</Link>
    </p>
  );
}
