import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '@motcua/contracts';
import { formatDate, monthName, weekdayNames } from './dates.ts';

type Props = { days: CalendarDay[]; selected: string | null; onSelect(day: CalendarDay): void };

/** Twelve month tables; every day is a button so the year can be edited from the keyboard. */
export function YearGrid({ days, selected, onSelect }: Props) {
  const { i18n } = useTranslation();
  const months = Array.from({ length: 12 }, (_, i) => days.filter((d) => Number(d.date.slice(5, 7)) === i + 1));
  return (
    <div className="cal-year">
      {months.map((monthDays, i) => (
        <MonthTable
          key={i}
          title={monthName(i + 1, i18n.language)}
          days={monthDays}
          // Only the month holding the selection re-renders when it changes.
          selected={monthDays.some((d) => d.date === selected) ? selected : null}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

const MonthTable = memo(function MonthTable({ title, days, selected, onSelect }: Props & { title: string }) {
  const { t, i18n } = useTranslation();
  const weeks: (CalendarDay | null)[][] = [];
  let week: (CalendarDay | null)[] = Array.from({ length: (days[0]?.weekday ?? 1) - 1 }, () => null);
  for (const day of days) {
    week.push(day);
    if (day.weekday === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);

  return (
    <table className="cal-month">
      <caption>{title}</caption>
      <thead>
        <tr>
          {weekdayNames(i18n.language).map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => (
          <tr key={i}>
            {w.map((day, j) =>
              day ? (
                <td key={day.date} className={`cal-day cal-${day.kind}${day.status === 'proposed' ? ' cal-proposed' : ''}`}>
                  <button
                    type="button"
                    aria-pressed={selected === day.date}
                    aria-label={`${formatDate(day.date, i18n.language)}: ${day.working ? t('calendar.working') : t('calendar.off')}${day.reason ? ` (${day.reason})` : ''}${day.status === 'proposed' ? `, ${t('calendar.proposedMark')}` : ''}`}
                    title={day.reason ?? undefined}
                    onClick={() => onSelect(day)}
                  >
                    {Number(day.date.slice(8))}
                  </button>
                </td>
              ) : (
                <td key={`empty-${j}`} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
