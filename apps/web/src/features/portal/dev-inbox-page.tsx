import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { portalApi } from './portal-api.ts';
import './portal.css';

type Message = { id: string; channel: string; to: string; text: string; at: string };

/** Development only (the API answers 404 in production): what the simulated SMS gateway received. */
export function DevInboxPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('inbox.title'));
  const [items, setItems] = useState<Message[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    portalApi.devMessages().then(
      (r) => {
        setItems(r.items);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p>{t('inbox.lead')}</p>
      <button type="button" className="button button-secondary" onClick={load}>
        {t('inbox.refresh')}
      </button>
      {failed && <p role="alert">{t('inbox.unavailable')}</p>}
      {items && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="portal-inbox">
          {items.map((m) => (
            <li key={m.id}>
              <strong>{m.to}</strong> <small>{m.at}</small>
              <br />
              <span data-testid="dev-message">{m.text}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
