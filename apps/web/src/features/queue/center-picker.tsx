import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicCenter } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { queueApi } from './queue-api.ts';

/** `/kiosk` and `/display` without a center: choose where this screen stands (done once, then bookmarked). */
export function CenterPicker({ surface }: { surface: 'kiosk' | 'display' }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`${surface}.title`));
  const [centers, setCenters] = useState<PublicCenter[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    queueApi.centers().then(setCenters, setFailure);
  }, []);
  return (
    <>
      <h1>{t(`queue.picker.${surface}Title`)}</h1>
      <p className="lead">{t('queue.picker.lead')}</p>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      {centers === null && failure === null && <p role="status">{t('app.loading')}</p>}
      {centers && (
        <ul className="queue-picker">
          {centers.map((c) => (
            <li key={c.id}>
              <Link to={`/${surface}/${c.id}`}>
                <span className="queue-picker-code">{c.agencyCode}</span> {c.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
