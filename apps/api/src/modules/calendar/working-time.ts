import type { CalendarDayKind, CalendarDayStatus } from '@motcua/contracts';
import { DAY_MS, dayIndexOfDate, MINUTE_MS, minutesOf, weekdayOf } from './local-time.ts';

/**
 * Working-time arithmetic over a loaded calendar. Pure: no I/O, no clock. Every time here is in
 * local milliseconds (see local-time.ts); callers convert instants at the edge.
 */

export type WorkingSchedule = {
  /** ISO weekdays (1 = Monday) that are working days unless the calendar says otherwise. */
  weekdays: readonly number[];
  /** Local working periods of a working day, "HH:MM", in order and not overlapping. */
  periods: readonly { start: string; end: string }[];
};

/** The civil-service schedule deadlines count on (Decree on working hours: 8 h, lunch 12:00–13:00). */
export const OFFICIAL_SCHEDULE: WorkingSchedule = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
};

export type CalendarEntryData = { date: string; kind: CalendarDayKind; name: string; status: CalendarDayStatus; source: string };

export type WorkingCalendar = {
  readonly schedule: WorkingSchedule;
  /** Local day index → the entry for that date (holiday, Tết, swap …). */
  readonly entries: ReadonlyMap<number, CalendarEntryData>;
  /** Years whose data exists, with their status; a year absent here has no data at all. */
  readonly years: ReadonlyMap<number, CalendarDayStatus>;
  /** Working periods as [start, end) offsets in ms from local midnight. */
  readonly periodMs: readonly (readonly [number, number])[];
  readonly workingWeekdays: ReadonlySet<number>;
};

/** A calendar can hold days off for years on end; past this many days without work the data is broken. */
const MAX_SCAN_DAYS = 3_660;

export function buildCalendar(input: {
  entries: readonly CalendarEntryData[];
  years?: ReadonlyMap<number, CalendarDayStatus> | Readonly<Record<number, CalendarDayStatus>>;
  schedule?: WorkingSchedule;
}): WorkingCalendar {
  const schedule = input.schedule ?? OFFICIAL_SCHEDULE;
  const entries = new Map<number, CalendarEntryData>();
  for (const e of input.entries) {
    const day = dayIndexOfDate(e.date);
    if (day === null) throw new Error(`calendar entry with an invalid date: ${e.date}`);
    entries.set(day, e);
  }
  const years = input.years instanceof Map ? new Map(input.years) : new Map(Object.entries(input.years ?? {}).map(([y, s]) => [Number(y), s]));
  const periodMs = schedule.periods.map((p) => [minutesOf(p.start) * MINUTE_MS, minutesOf(p.end) * MINUTE_MS] as const);
  return { schedule, entries, years, periodMs, workingWeekdays: new Set(schedule.weekdays) };
}

export function isWorkingDay(cal: WorkingCalendar, day: number): boolean {
  const entry = cal.entries.get(day);
  if (entry) return entry.kind === 'working_saturday';
  return cal.workingWeekdays.has(weekdayOf(day));
}

export function nextWorkingDay(cal: WorkingCalendar, after: number): number {
  for (let day = after + 1; day <= after + MAX_SCAN_DAYS; day++) if (isWorkingDay(cal, day)) return day;
  throw new Error('the calendar has no working day for ten years');
}

/** Local end of the last working period of a day (17:00). */
export const endOfWorkingDay = (cal: WorkingCalendar, day: number): number => day * DAY_MS + (cal.periodMs.at(-1)?.[1] ?? 0);

/** Rule 1: the instant itself when it lies inside working time, else the start of the next working period. */
export function normaliseLocal(cal: WorkingCalendar, t: number): number {
  const first = Math.floor(t / DAY_MS);
  for (let day = first; day <= first + MAX_SCAN_DAYS; day++) {
    if (!isWorkingDay(cal, day)) continue;
    const tod = day === first ? t - day * DAY_MS : 0;
    for (const [s, e] of cal.periodMs) if (tod < e) return day * DAY_MS + Math.max(s, tod);
  }
  throw new Error('the calendar has no working time for ten years');
}

/**
 * Rules 2–3: the instant where `amount` ms of working time, counted from `from`, run out. Ending
 * exactly at the end of a period gives that end (17:00), not the next opening. `segments`, when
 * given, receives every stretch of working time used.
 */
export function advanceLocal(cal: WorkingCalendar, from: number, amount: number, segments?: [number, number][]): number {
  if (amount <= 0) return normaliseLocal(cal, from);
  let left = amount;
  const first = Math.floor(from / DAY_MS);
  for (let day = first; day <= first + MAX_SCAN_DAYS; day++) {
    if (!isWorkingDay(cal, day)) continue;
    const base = day * DAY_MS;
    const tod = day === first ? from - base : 0;
    for (const [s, e] of cal.periodMs) {
      if (tod >= e) continue;
      const start = base + Math.max(s, tod);
      const available = base + e - start;
      if (left <= available) {
        segments?.push([start, start + left]);
        return start + left;
      }
      segments?.push([start, base + e]);
      left -= available;
    }
  }
  throw new Error('the calendar has no working time for ten years');
}

/** Working time inside [a, b), in ms. */
export function workingBetweenLocal(cal: WorkingCalendar, a: number, b: number): number {
  if (b <= a) return 0;
  let total = 0;
  const last = Math.floor(b / DAY_MS);
  for (let day = Math.floor(a / DAY_MS); day <= last; day++) {
    if (!isWorkingDay(cal, day)) continue;
    const base = day * DAY_MS;
    for (const [s, e] of cal.periodMs) {
      const lo = Math.max(base + s, a);
      const hi = Math.min(base + e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/** Inside working time with both ends included: a deadline may sit at 17:00 but never at 12:30. */
export function isWorkingInstantLocal(cal: WorkingCalendar, t: number): boolean {
  const day = Math.floor(t / DAY_MS);
  if (!isWorkingDay(cal, day)) return false;
  const tod = t - day * DAY_MS;
  return cal.periodMs.some(([s, e]) => tod >= s && tod <= e);
}
