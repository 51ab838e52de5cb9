import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarYear } from '@motcua/contracts';
import { errorMessage } from '../../lib/error-message.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SignedIn } from '../auth/signed-in.tsx';
import { calendarApi } from './calendar-api.ts';
import { DayEditor } from './day-editor.tsx';
import { YearGrid } from './year-grid.tsx';
import { YearsTable } from './years-table.tsx';
import './calendar.css';

export function CalendarAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calendar.title'));
  return (
    <>
      <h1>{t('calendar.heading')}</h1>
      <p className="lead">{t('calendar.lead')}</p>
      <p>
        <Link to="/deadline">{t('calendar.calculatorLink')}</Link>
      </p>
      <SignedIn>
        {(me) =>
          me.user.role === 'province_admin' ? (
            <CalendarAdmin />
          ) : (
            <p role="alert" className="alert">
              {t('calendar.onlyAdmins')}
            </p>
          )
        }
      </SignedIn>
    </>
  );
}

const LEGEND = ['tet', 'holiday', 'substitute_off', 'government_off', 'working_saturday', 'weekend'] as const;

function CalendarAdmin() {
  const { t } = useTranslation();
  const [years, setYears] = useState<CalendarYear[] | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [days, setDays] = useState<CalendarDay[] | null>(null);
  const [selected, setSelected] = useState<CalendarDay | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    calendarApi.years(controller.signal).then(
      (list) => {
        setYears(list);
        // Open on the first year that needs attention, else the latest one.
        setYear((current) => current ?? list.find((y) => y.flagged)?.year ?? list.at(-1)?.year ?? null);
      },
      (error: unknown) => !controller.signal.aborted && setFailure(error),
    );
    return () => controller.abort();
  }, [version]);

  useEffect(() => {
    if (year === null) return;
    const controller = new AbortController();
    calendarApi.days(year, controller.signal).then(
      (list) => {
        setDays(list);
        setSelected((current) => (current ? (list.find((d) => d.date === current.date) ?? null) : null));
      },
      (error: unknown) => !controller.signal.aborted && setFailure(error),
    );
    return () => controller.abort();
  }, [year, version]);

  function changed(message: string) {
    setNotice(message);
    setVersion((v) => v + 1);
  }

  async function yearAction(action: () => Promise<unknown>, message: string, y: number) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      setYear(y);
      changed(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  if (years === null && failure === null) return <p role="status">{t('app.loading')}</p>;
  return (
    <>
      {failure !== null && (
        <p role="alert" className="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      <p role="status" className="cal-notice">
        {notice}
      </p>
      {years && (
        <YearsTable
          years={years}
          shown={year}
          busy={busy}
          onShow={(y) => {
            setSelected(null);
            setYear(y);
          }}
          onPropose={(y) => yearAction(() => calendarApi.proposeYear(y), t('calendar.proposed', { year: y }), y)}
          onConfirm={(y) => yearAction(() => calendarApi.confirmYear(y), t('calendar.yearConfirmed', { year: y }), y)}
        />
      )}
      {year !== null && (
        <section aria-labelledby="year-heading">
          <h2 id="year-heading">{t('calendar.yearView', { year })}</h2>
          <ul className="cal-legend" aria-label={t('calendar.legend')}>
            {LEGEND.map((kind) => (
              <li key={kind}>
                <span className={`cal-swatch cal-${kind}`} aria-hidden="true" /> {t(`calendar.kinds.${kind}`)}
              </li>
            ))}
            <li>
              <span className="cal-swatch cal-proposed" aria-hidden="true" /> {t('calendar.proposedMark')}
            </li>
          </ul>
          <p>{t('calendar.howToEdit')}</p>
          {selected && <DayEditor key={`${selected.date}-${version}`} day={selected} onChanged={changed} onClose={() => setSelected(null)} />}
          {days ? <YearGrid days={days} selected={selected?.date ?? null} onSelect={setSelected} /> : <p role="status">{t('app.loading')}</p>}
        </section>
      )}
    </>
  );
}
