import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { syncApi } from './sync-api.ts';

/** The province page's way in to the sync dashboard, with the set-aside changes nobody has seen yet. */
export function SyncLink() {
  const { t } = useTranslation('sync');
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    // Someone other than the province admin (403), or offline: the link alone is enough.
    syncApi.deadLetters(controller.signal).then(
      (r) => setWaiting(r.items.length),
      () => {},
    );
    return () => controller.abort();
  }, []);
  return (
    <p>
      <Link to="/province/sync">{t('link')}</Link>
      {waiting > 0 && (
        <>
          {' '}
          <strong className="sync-badge">{t('deadLetters.waiting', { count: waiting })}</strong>
        </>
      )}
    </p>
  );
}
