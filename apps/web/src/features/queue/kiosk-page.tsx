import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PriorityCategory, PublicTicket, ServiceGroup } from '@motcua/contracts';
import { LanguageSwitcher } from '../../app/language-switcher.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PRIORITIES, queueApi } from './queue-api.ts';
import { TicketCard } from './ticket-card.tsx';
import './queue.css';

/** After this long the kiosk goes back to the start for the next person. */
const RESET_MS = 45_000;

/** Full-screen touch kiosk of one center: choose a service group, optionally a priority and a phone. */
export function KioskPage() {
  const { centerId = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('queue.kiosk.title'));
  const [groups, setGroups] = useState<ServiceGroup[] | null>(null);
  const [centerName, setCenterName] = useState('');
  const [priority, setPriority] = useState<PriorityCategory | null>(null);
  const [phone, setPhone] = useState('');
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');

  useEffect(() => {
    queueApi.groups(centerId).then(setGroups, setFailure);
    queueApi.centers().then((list) => setCenterName(list.find((c) => c.id === centerId)?.name ?? ''), () => {});
  }, [centerId]);

  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(reset, RESET_MS);
    return () => clearTimeout(timer);
  }, [ticket]);

  function reset() {
    setTicket(null);
    setPriority(null);
    setPhone('');
    setCode('');
    setFailure(null);
  }

  async function run(issue: () => Promise<PublicTicket>) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setTicket(await issue());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const take = (group: ServiceGroup) =>
    run(() => queueApi.take(centerId, { serviceGroupId: group.id, priority, phone: phone.trim() === '' ? null : phone.trim(), source: 'kiosk' }));

  function checkIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim().length >= 4) void run(() => queueApi.checkIn(centerId, code.trim()));
  }

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <p className="kiosk-center">{centerName}</p>
        <LanguageSwitcher />
      </header>
      <main id="main" className="kiosk-main">
        {failure !== null && (
          <p role="alert" className="alert">
            {errorMessage(failure, t)}
          </p>
        )}
        {ticket ? (
          <section aria-labelledby="kiosk-done" className="kiosk-done">
            <h1 id="kiosk-done">{t('queue.kiosk.doneHeading')}</h1>
            <TicketCard ticket={ticket} />
            <div className="kiosk-actions">
              <button type="button" className="button kiosk-button" onClick={() => window.print()}>
                {t('queue.kiosk.print')}
              </button>
              <button type="button" className="button button-secondary kiosk-button" onClick={reset}>
                {t('queue.kiosk.finish')}
              </button>
            </div>
          </section>
        ) : (
          <>
            <h1>{t('queue.kiosk.heading')}</h1>
            <p className="lead">{t('queue.kiosk.lead')}</p>
            <fieldset className="kiosk-priority">
              <legend>{t('queue.kiosk.priorityLegend')}</legend>
              <label>
                <input type="radio" name="priority" checked={priority === null} onChange={() => setPriority(null)} />
                {t('queue.kiosk.noPriority')}
              </label>
              {PRIORITIES.map((p) => (
                <label key={p}>
                  <input type="radio" name="priority" checked={priority === p} onChange={() => setPriority(p)} />
                  {t(`queue.priority.${p}`)}
                </label>
              ))}
            </fieldset>
            <div className="field kiosk-phone">
              <label htmlFor="kiosk-phone">{t('queue.kiosk.phone')}</label>
              <input id="kiosk-phone" type="tel" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} aria-describedby="kiosk-phone-hint" />
              <p id="kiosk-phone-hint" className="hint">
                {t('queue.kiosk.phoneHint')}
              </p>
            </div>
            <h2>{t('queue.kiosk.chooseGroup')}</h2>
            {groups === null && failure === null && <p role="status">{t('app.loading')}</p>}
            <ul className="kiosk-groups">
              {groups?.map((g) => (
                <li key={g.id}>
                  <button type="button" className="kiosk-group" disabled={busy} onClick={() => void take(g)}>
                    <span className="kiosk-group-code" aria-hidden="true">
                      {g.code}
                    </span>
                    <span>{g.name}</span>
                  </button>
                </li>
              ))}
            </ul>
            <form className="kiosk-checkin" onSubmit={checkIn}>
              <h2>{t('queue.kiosk.appointmentHeading')}</h2>
              <div className="field">
                <label htmlFor="kiosk-code">{t('queue.kiosk.appointmentCode')}</label>
                <input id="kiosk-code" autoComplete="off" autoCapitalize="characters" value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <button type="submit" className="button kiosk-button" disabled={busy}>
                {t('queue.kiosk.checkIn')}
              </button>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
