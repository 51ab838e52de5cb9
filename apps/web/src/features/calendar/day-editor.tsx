import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarDayKind, type CalendarDay, type CalendarDayStatus } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { calendarApi } from './calendar-api.ts';
import { formatDate } from './dates.ts';

type Props = { day: CalendarDay; onChanged(message: string): void; onClose(): void };

/** Add, change, confirm or remove the entry of one date. */
export function DayEditor({ day, onChanged, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const entryKind = CalendarDayKind.safeParse(day.kind);
  const hasEntry = entryKind.success;
  const [kind, setKind] = useState<CalendarDayKind>(entryKind.success ? entryKind.data : day.weekday >= 6 ? 'working_saturday' : 'government_off');
  const [name, setName] = useState(hasEntry ? (day.reason ?? '') : '');
  const [source, setSource] = useState(day.source ?? '');
  const [status, setStatus] = useState<CalendarDayStatus>(day.status ?? 'confirmed');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const title = formatDate(day.date, i18n.language);

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      onChanged(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void run(() => calendarApi.putDay(day.date, { kind, name, source, status }), t('calendar.saved', { date: title }));
  }

  return (
    <section aria-labelledby="day-editor-heading" className="card cal-editor">
      <h2 id="day-editor-heading">{t('calendar.editHeading', { date: title })}</h2>
      <p>{day.working ? t('calendar.isWorking') : t('calendar.isOff')}</p>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      <form className="form" onSubmit={save}>
        <div className="field">
          <label htmlFor="cal-kind">{t('calendar.kind')}</label>
          <select id="cal-kind" value={kind} onChange={(e) => setKind(e.target.value as CalendarDayKind)}>
            {CalendarDayKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`calendar.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cal-name">{t('calendar.name')}</label>
          <input id="cal-name" value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cal-source">{t('calendar.source')}</label>
          <input id="cal-source" value={source} maxLength={500} onChange={(e) => setSource(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cal-status">{t('calendar.dayStatus')}</label>
          <select id="cal-status" value={status} onChange={(e) => setStatus(e.target.value as CalendarDayStatus)}>
            <option value="confirmed">{t('calendar.status.confirmed')}</option>
            <option value="proposed">{t('calendar.status.proposed')}</option>
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('calendar.save')}
          </button>
          {day.status === 'proposed' && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => run(() => calendarApi.confirmDay(day.date), t('calendar.dayConfirmed', { date: title }))}>
              {t('calendar.confirmDay')}
            </button>
          )}
          {hasEntry && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => run(() => calendarApi.removeDay(day.date), t('calendar.removed', { date: title }))}>
              {t('calendar.remove')}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('calendar.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
