import type { CalendarDay } from '@motcua/contracts';
import { dateOfDayIndex, hhmmOf, MINUTE_MS, weekdayOf } from './local-time.ts';
import { isWorkingDay, type WorkingCalendar } from './working-time.ts';

/** One local day as the public calendar shows it: working or not, and why. */
export function describeDay(cal: WorkingCalendar, day: number): CalendarDay {
  const entry = cal.entries.get(day);
  const weekday = weekdayOf(day);
  const working = isWorkingDay(cal, day);
  const weekend = !cal.workingWeekdays.has(weekday);
  return {
    date: dateOfDayIndex(day),
    weekday,
    working,
    kind: entry ? entry.kind : weekend ? 'weekend' : 'workday',
    reason: entry ? entry.name : weekend ? 'Nghỉ cuối tuần' : null,
    status: entry?.status ?? null,
    source: entry?.source ?? null,
    periods: working ? cal.periodMs.map(([s, e]) => ({ start: hhmmOf(s / MINUTE_MS), end: hhmmOf(e / MINUTE_MS) })) : [],
  };
}
