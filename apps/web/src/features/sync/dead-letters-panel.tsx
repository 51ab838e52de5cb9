import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncDeadLetter } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { syncApi } from './sync-api.ts';

/** "09:05 23/11/2026" in Vietnam time, whatever the browser’s zone. */
const vnTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/**
 * Changes set aside (dead letters) that no province admin has acknowledged: the same people got an
 * in-app alert. "Seen" only takes one off this list; the change itself still needs the center's retry.
 */
export function DeadLettersPanel({ items, onChanged }: { items: SyncDeadLetter[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('sync');
  const { t: shared } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function acknowledge(d: SyncDeadLetter) {
    setBusy(d.messageId);
    setFailure(null);
    try {
      await syncApi.acknowledge(d.messageId);
      await onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="sync-dead-heading" className="sync-dead">
      <h2 id="sync-dead-heading">{t('deadLetters.heading', { count: items.length })}</h2>
      <p>{t('deadLetters.lead')}</p>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, shared)}
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('deadLetters.none')}</p>
      ) : (
        <div className="sync-table-wrap">
          <table className="table">
            <caption>{t('deadLetters.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deadLetters.col.dossier')}</th>
                <th scope="col">{t('deadLetters.col.center')}</th>
                <th scope="col">{t('deadLetters.col.target')}</th>
                <th scope="col">{t('deadLetters.col.error')}</th>
                <th scope="col">{t('deadLetters.col.at')}</th>
                <th scope="col">{t('col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.messageId}>
                  <th scope="row">{d.dossierCode}</th>
                  <td>{d.centerName}</td>
                  <td>{t(`deadLetters.target.${d.target}`)}</td>
                  <td className="sync-error">{d.error ?? '—'}</td>
                  <td>{d.deadAt ? vnTime(d.deadAt) : '—'}</td>
                  <td>
                    <button type="button" className="button button-secondary" disabled={busy === d.messageId} onClick={() => void acknowledge(d)} aria-label={t('deadLetters.ackFor', { code: d.dossierCode })}>
                      {t('deadLetters.ack')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
