import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PriorityCategory, PublicTicket, ServiceGroup } from '@motcua/contracts';
import { LanguageSwitcher } from '../../app/language-switcher.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PRIORITIES, queueApi } from './queue-api.ts';
import { TicketCard } from './ticket-card.tsx';
import { KioskAppointment } from './kiosk-appointment.tsx';
import { KioskRating } from './kiosk-rating.tsx';
import { KioskSearch } from './kiosk-search.tsx';
import { AssistantWidget } from '../assistant/assistant-widget.tsx';
import './queue.css';

/** After this long the kiosk goes back to the start for the next person. */
const RESET_MS = 45_000;

/** A kiosk left on another screen (search, appointment, rating) returns to the start after this long untouched. */
const IDLE_MS = 90_000;

/** What the kiosk shows besides taking a number: appointment check-in, procedure search, rating. */
type Mode = 'take' | 'appointment' | 'search' | 'rate';

/** Full-screen touch kiosk of one center: choose a service group, optionally a priority and a phone. */
export function KioskPage() {
  const { centerId = '' } = useParams();
  const { t } = useTranslation();
  const { t: t2 } = useTranslation('queue2');
  const [mode, setMode] = useState<Mode>('take');
  useDocumentTitle(t('queue.kiosk.title'));
  const [groups, setGroups] = useState<ServiceGroup[] | null>(null);
  const [centerName, setCenterName] = useState('');
  const [priority, setPriority] = useState<PriorityCategory | null>(null);
  const [phone, setPhone] = useState('');
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    queueApi.groups(centerId).then(setGroups, setFailure);
    queueApi.centers().then((list) => setCenterName(list.find((c) => c.id === centerId)?.name ?? ''), () => {});
  }, [centerId]);

  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(reset, RESET_MS);
    return () => clearTimeout(timer);
  }, [ticket]);

  useEffect(() => {
    if (mode === 'take' || ticket) return;
    let timer = setTimeout(reset, IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
    };
  }, [mode, ticket]);

  function reset() {
    setTicket(null);
    setPriority(null);
    setPhone('');
    setMode('take');
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
        ) : mode === 'appointment' ? (
          <KioskAppointment centerId={centerId} onTicket={setTicket} onBack={reset} />
        ) : mode === 'search' ? (
          <KioskSearch centerId={centerId} onBack={reset} />
        ) : mode === 'rate' ? (
          <KioskRating onBack={reset} />
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
            <section aria-labelledby="kiosk-more" className="kiosk-more">
              <h2 id="kiosk-more">{t2('kiosk.more')}</h2>
              <ul className="kiosk-more-list">
                <li>
                  <button type="button" className="kiosk-more-button" onClick={() => setMode('appointment')}>
                    {t2('kiosk.appointmentButton')}
                  </button>
                </li>
                <li>
                  <button type="button" className="kiosk-more-button" onClick={() => setMode('search')}>
                    {t2('kiosk.searchButton')}
                  </button>
                </li>
                <li>
                  <button type="button" className="kiosk-more-button" onClick={() => setMode('rate')}>
                    {t2('kiosk.rateButton')}
                  </button>
                </li>
              </ul>
            </section>
          </>
        )}
        <AssistantWidget surface="kiosk" centerId={centerId} />
      </main>
    </div>
  );
}
