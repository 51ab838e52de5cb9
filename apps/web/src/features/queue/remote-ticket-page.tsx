import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicCenter, ServiceGroup } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { queueApi } from './queue-api.ts';

/**
 * A virtual ticket from the phone (`/citizen/queue`, or `?center=` from the QR code at the door):
 * the same queue as the kiosk, marked "online", then the ticket page that follows the line.
 */
export function RemoteTicketPage() {
  const { t } = useTranslation('queue2');
  const { t: common } = useTranslation();
  useDocumentTitle(t('remote.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const centerId = params.get('center');
  const [centers, setCenters] = useState<PublicCenter[] | null>(null);
  const [groups, setGroups] = useState<ServiceGroup[] | null>(null);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    queueApi.centers().then(setCenters, setFailure);
  }, []);
  useEffect(() => {
    setGroups(null);
    if (centerId) queueApi.groups(centerId).then(setGroups, setFailure);
  }, [centerId]);

  async function take(group: ServiceGroup) {
    if (!centerId || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const ticket = await queueApi.take(centerId, { serviceGroupId: group.id, priority: null, phone: phone.trim() === '' ? null : phone.trim(), source: 'online' });
      navigate(`/queue/tickets/${ticket.id}`);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  const center = centers?.find((c) => c.id === centerId);
  return (
    <>
      <h1>{t('remote.title')}</h1>
      <p className="lead">{t('remote.lead')}</p>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, common)}
        </p>
      )}
      <div className="field">
        <label htmlFor="remote-center">{t('remote.center')}</label>
        <select id="remote-center" value={centerId ?? ''} onChange={(event) => setParams(event.target.value ? { center: event.target.value } : {}, { replace: true })}>
          <option value="">{t('remote.chooseCenter')}</option>
          {centers?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.agencyCode})
            </option>
          ))}
        </select>
      </div>
      {center && (
        <>
          <div className="field">
            <label htmlFor="remote-phone">{t('remote.phone')}</label>
            <input id="remote-phone" type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(event) => setPhone(event.target.value)} aria-describedby="remote-phone-hint" />
            <p id="remote-phone-hint" className="hint">
              {t('remote.phoneHint')}
            </p>
          </div>
          <h2>{t('remote.group')}</h2>
          {groups === null && <p role="status">{common('app.loading')}</p>}
          <ul className="queue-picker">
            {groups?.map((g) => (
              <li key={g.id}>
                <button type="button" className="button" disabled={busy} onClick={() => void take(g)}>
                  {g.code} · {g.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
