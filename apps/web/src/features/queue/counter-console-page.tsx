import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ConsoleState, CounterState, Me, Ticket } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { queueApi } from './queue-api.ts';
import { useQueueFeed } from './use-queue-feed.ts';
import './queue.css';

const COUNTER_KEY = 'motcua.counter';

// The counter this PC sits at, remembered across sign-ins; storage may be disabled on shared PCs.
const remembered = () => {
  try {
    return localStorage.getItem(COUNTER_KEY) ?? '';
  } catch {
    return '';
  }
};
const remember = (id: string) => {
  try {
    localStorage.setItem(COUNTER_KEY, id);
  } catch {
    // not remembered; still chosen for this session
  }
};

export function CounterConsolePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('queue.console.title'));
  return (
    <>
      <h1>{t('queue.console.heading')}</h1>
      <SignedIn>{(me) => (me.center ? <Console me={me} centerId={me.center.id} /> : <p>{t('queue.console.noCenter')}</p>)}</SignedIn>
    </>
  );
}

function Console({ me, centerId }: { me: Me; centerId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ConsoleState | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [counterId, setCounterId] = useState<string>(remembered);
  const [busy, setBusy] = useState(false);
  const { state: board } = useQueueFeed(centerId);

  const reload = useCallback(() => queueApi.console(centerId).then(setState, setFailure), [centerId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      const result = await action();
      if (result && typeof result === 'object' && 'counters' in result) setState(result as ConsoleState);
      else await reload();
    } catch (error) {
      setFailure(error);
      await reload();
    } finally {
      setBusy(false);
    }
  }

  if (!state) return failure ? <p role="alert" className="alert">{errorMessage(failure, t)}</p> : <p role="status">{t('app.loading')}</p>;
  const counter = state.counters.find((c) => c.id === counterId) ?? null;
  const mine = counter?.open && counter.officerId === me.user.id;
  // Waiting counts follow the live board; the console's own numbers are the fallback.
  const waiting = (code: string) => board?.groups.find((g) => g.code === code)?.waiting ?? state.groups.find((g) => g.code === code)?.waiting ?? 0;

  return (
    <div className="console">
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      <div className="field">
        <label htmlFor="console-counter">{t('queue.console.counter')}</label>
        <select
          id="console-counter"
          value={counterId}
          onChange={(e) => {
            setCounterId(e.target.value);
            remember(e.target.value);
          }}
        >
          <option value="">{t('queue.console.chooseCounter')}</option>
          {state.counters.map((c) => (
            <option key={c.id} value={c.id}>
              {t('queue.console.counterOption', { number: c.number, name: c.name })}
            </option>
          ))}
        </select>
      </div>
      {counter && !mine && <OpenCounter counter={counter} state={state} busy={busy} onOpen={(groups) => run(() => queueApi.open(counter.id, groups))} />}
      {counter && mine && (
        <section aria-labelledby="console-current" className="console-panel">
          <h2 id="console-current">{t('queue.console.counterN', { number: counter.number })}</h2>
          <p>{t('queue.console.serves', { groups: state.groups.filter((g) => counter.serviceGroupIds.includes(g.id)).map((g) => `${g.code} ${g.name}`).join(', ') })}</p>
          {counter.current ? (
            <CurrentTicket ticket={counter.current} state={state} busy={busy} run={run} />
          ) : (
            <>
              <p className="console-idle">{t('queue.console.idle')}</p>
              <button type="button" className="button console-call" disabled={busy} onClick={() => void run(() => queueApi.callNext(counter.id))}>
                {t('queue.console.callNext')}
              </button>
            </>
          )}
          <button type="button" className="button button-secondary" disabled={busy || counter.current !== null} onClick={() => void run(() => queueApi.close(counter.id))}>
            {t('queue.console.close')}
          </button>
        </section>
      )}
      {me.user.role === 'director' && <NoticeForm centerId={centerId} current={board?.notice ?? ''} />}
      <section aria-labelledby="console-waiting">
        <h2 id="console-waiting">{t('queue.console.waiting')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queue.console.group')}</th>
              <th scope="col">{t('queue.console.waitingCount')}</th>
            </tr>
          </thead>
          <tbody>
            {state.groups.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.code} {g.name}
                </td>
                <td>{waiting(g.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function OpenCounter({ counter, state, busy, onOpen }: { counter: CounterState; state: ConsoleState; busy: boolean; onOpen: (groups: string[]) => void }) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<string[]>(counter.serviceGroupIds);
  return (
    <form
      className="console-panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (groups.length > 0) onOpen(groups);
      }}
    >
      {counter.open && counter.officerName && <p>{t('queue.console.heldBy', { name: counter.officerName })}</p>}
      <fieldset>
        <legend>{t('queue.console.chooseGroups')}</legend>
        {state.groups.map((g) => (
          <label key={g.id} className="console-check">
            <input type="checkbox" checked={groups.includes(g.id)} onChange={(e) => setGroups(e.target.checked ? [...groups, g.id] : groups.filter((x) => x !== g.id))} />
            {g.code} {g.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy || groups.length === 0}>
        {t('queue.console.open')}
      </button>
    </form>
  );
}

function CurrentTicket({ ticket, state, busy, run }: { ticket: Ticket; state: ConsoleState; busy: boolean; run: (a: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const act = (action: 'recall' | 'start' | 'finish' | 'skip') => () => void run(() => queueApi.act(ticket.id, action));
  return (
    <div className="console-ticket">
      <p className="console-number" aria-live="polite">
        {ticket.number}
      </p>
      <p>
        {t(`queue.status.${ticket.status}`)}
        {ticket.priority && ` · ${t(`queue.priority.${ticket.priority}`)}`}
      </p>
      <div className="console-actions">
        {ticket.status === 'called' && (
          <>
            <button type="button" className="button" disabled={busy} onClick={act('start')}>
              {t('queue.console.start')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={act('recall')}>
              {t('queue.console.recall')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={act('skip')}>
              {t('queue.console.skip')}
            </button>
          </>
        )}
        <button type="button" className="button" disabled={busy} onClick={act('finish')}>
          {t('queue.console.finish')}
        </button>
        {/* The intake page (dossier module) reads ?ticket= and links the new dossier back to this ticket. */}
        <Link className="button button-secondary" to={`/staff/intake?ticket=${ticket.id}`}>
          {t('queue.console.openIntake')}
        </Link>
      </div>
      <form
        className="console-transfer"
        onSubmit={(e) => {
          e.preventDefault();
          const [kind, id] = target.split(':');
          if (!id) return;
          void run(() => queueApi.transfer(ticket.id, kind === 'group' ? { serviceGroupId: id } : { counterId: id }));
        }}
      >
        <label htmlFor="console-transfer">{t('queue.console.transferTo')}</label>
        <select id="console-transfer" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('queue.console.chooseTarget')}</option>
          <optgroup label={t('queue.console.groups')}>
            {state.groups.map((g) => (
              <option key={g.id} value={`group:${g.id}`}>
                {g.code} {g.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('queue.console.counters')}>
            {state.counters
              .filter((c) => c.id !== ticket.counterId)
              .map((c) => (
                <option key={c.id} value={`counter:${c.id}`}>
                  {t('queue.console.counterOption', { number: c.number, name: c.name })}
                </option>
              ))}
          </optgroup>
        </select>
        <button type="submit" className="button button-secondary" disabled={busy || target === ''}>
          {t('queue.console.transfer')}
        </button>
      </form>
    </div>
  );
}

/** The director's scrolling line on the hall display. */
function NoticeForm({ centerId, current }: { centerId: string; current: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const value = text ?? current;
  return (
    <form
      className="console-panel"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        queueApi.setNotice(centerId, value).then(
          () => (setSaved(true), setFailure(null)),
          (error: unknown) => setFailure(error),
        );
      }}
    >
      <div className="field">
        <label htmlFor="console-notice">{t('queue.console.notice')}</label>
        <textarea id="console-notice" rows={2} maxLength={500} value={value} onChange={(e) => setText(e.target.value)} />
      </div>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      {saved && <p role="status">{t('queue.console.noticeSaved')}</p>}
      <button type="submit" className="button">
        {t('queue.console.saveNotice')}
      </button>
    </form>
  );
}
