import type { TimeLimit } from '@motcua/contracts';
import type { z } from 'zod';
import { DomainError, type FieldError } from '../../platform/errors.ts';
import { DAY_MS, fromLocalMs, MINUTE_MS, minutesOf, toLocalMs, yearOfDayIndex } from './local-time.ts';
import {
  advanceLocal,
  endOfWorkingDay,
  isWorkingDay,
  isWorkingInstantLocal,
  nextWorkingDay,
  normaliseLocal,
  workingBetweenLocal,
  type WorkingCalendar,
} from './working-time.ts';

/**
 * The legal clock (issue 4, rules 1–7) over a loaded calendar. Pure: the same inputs give the same
 * instants on every server, which is what lets a citizen, a center and the portal agree on a date.
 */

const HOUR_MS = 3_600_000;
/** Rule 2: one working day is 8 hours of working time, whatever the schedule's shape. */
const WORKING_DAY_MS = 8 * HOUR_MS;

/** A limit as stored or sent: the same-day cut-off may be left out (15:00). */
export type TimeLimitInput = z.input<typeof TimeLimit>;
export type Interval = { from: Date; to: Date };

export type DeadlineInput = { receivedAt: Date; limit: TimeLimitInput; pauses?: readonly Interval[] };
export type Deadline = {
  /** Rule 1: the receipt instant, moved forward to working time. */
  clockStartsAt: Date;
  dueAt: Date;
  /** The working time the limit allows, in ms. */
  workingMs: number;
  /** The count crosses a year whose calendar is not confirmed (proposed or missing). */
  provisional: boolean;
  /** With `explain`: the stretches of working time used, in order. */
  consumed?: Interval[];
};

export const normaliseStart = (cal: WorkingCalendar, t: Date): Date => fromLocalMs(normaliseLocal(cal, toLocalMs(t)));

/** Adds working time (ms) to an instant; the start is normalised first (rule 1). */
export const addWorkingTime = (cal: WorkingCalendar, from: Date, ms: number): Date => fromLocalMs(advanceLocal(cal, toLocalMs(from), ms));

/** Working time elapsed inside [from, to), in ms; 0 when `to` is not after `from`. */
export const workingTimeBetween = (cal: WorkingCalendar, from: Date, to: Date): number =>
  workingBetweenLocal(cal, toLocalMs(from), toLocalMs(to));

/** Rule 4: same-day procedures are due at the end of the receipt day or of the next working day. */
function sameDayDueLocal(cal: WorkingCalendar, received: number, cutoff: string): number {
  const day = Math.floor(received / DAY_MS);
  const timeOfDay = received - day * DAY_MS;
  const inTime = isWorkingDay(cal, day) && timeOfDay <= minutesOf(cutoff) * MINUTE_MS && received < endOfWorkingDay(cal, day);
  return endOfWorkingDay(cal, inTime ? day : nextWorkingDay(cal, day));
}

function validatePauses(receivedAt: Date, pauses: readonly Interval[]): { from: number; to: number }[] {
  const errors: FieldError[] = [];
  const indexed = pauses.map((p, i) => ({ i, from: toLocalMs(p.from), to: toLocalMs(p.to) }));
  for (const p of indexed) {
    if (p.to < p.from) errors.push({ path: `pauses.${p.i}.to`, message: 'must not be before from' });
    if (p.from < toLocalMs(receivedAt)) errors.push({ path: `pauses.${p.i}.from`, message: 'must not be before receivedAt' });
  }
  const sorted = [...indexed].sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.from < sorted[k - 1]!.to) errors.push({ path: `pauses.${sorted[k]!.i}.from`, message: 'overlaps another pause' });
  }
  if (errors.length > 0) throw new DomainError('validation', 'calendar.invalid_pauses', 'The pauses are not a valid sequence of intervals.', { errors });
  return sorted;
}

function limitMs(cal: WorkingCalendar, start: number, received: number, limit: TimeLimitInput): number {
  if ('workingDays' in limit) return Math.round(limit.workingDays * WORKING_DAY_MS);
  if ('workingHours' in limit) return Math.round(limit.workingHours * HOUR_MS);
  // A same-day limit becomes the working time left until its due instant, so pauses apply to it alike.
  return workingBetweenLocal(cal, start, sameDayDueLocal(cal, received, limit.cutoff ?? '15:00'));
}

function spansUnconfirmedYear(cal: WorkingCalendar, from: number, to: number): boolean {
  for (let y = yearOfDayIndex(Math.floor(from / DAY_MS)); y <= yearOfDayIndex(Math.floor(to / DAY_MS)); y++) {
    if (cal.years.get(y) !== 'confirmed') return true;
  }
  return false;
}

/**
 * Rules 1–5: clock start, due instant and (with `explain`) the working periods used. A pause stops
 * the clock at `from`; it resumes at `to` normalised as in rule 1, with the working time left. A
 * pause that starts after the time has run out changes nothing: the dossier was already late.
 */
export function computeDeadline(cal: WorkingCalendar, input: DeadlineInput, opts: { explain?: boolean } = {}): Deadline {
  const pauses = validatePauses(input.receivedAt, input.pauses ?? []);
  const received = toLocalMs(input.receivedAt);
  const start = normaliseLocal(cal, received);
  const workingMs = limitMs(cal, start, received, input.limit);
  const segments: [number, number][] | undefined = opts.explain ? [] : undefined;

  let cursor = start;
  let remaining = workingMs;
  for (const pause of pauses) {
    if (pause.from >= advanceLocal(cal, cursor, remaining)) break;
    if (pause.from > cursor) {
      const used = workingBetweenLocal(cal, cursor, pause.from);
      if (segments && used > 0) advanceLocal(cal, cursor, used, segments);
      remaining -= used;
    }
    cursor = Math.max(cursor, normaliseLocal(cal, pause.to));
  }
  const due = advanceLocal(cal, cursor, remaining, segments);

  return {
    clockStartsAt: fromLocalMs(start),
    dueAt: fromLocalMs(due),
    workingMs,
    provisional: spansUnconfirmedYear(cal, start, due),
    ...(segments ? { consumed: segments.map(([a, b]) => ({ from: fromLocalMs(a), to: fromLocalMs(b) })) } : {}),
  };
}

export type Outcome = 'early' | 'on_time' | 'late';

/**
 * Rule 7: after the deadline → late; on a day before the deadline's day → early; otherwise on time.
 * A deadline moved by an apology letter (rule 6) still counts as late.
 */
export function outcome(finishedAt: Date, dueAt: Date, opts: { extendedByApology?: boolean } = {}): Outcome {
  if (opts.extendedByApology || finishedAt.getTime() > dueAt.getTime()) return 'late';
  return Math.floor(toLocalMs(finishedAt) / DAY_MS) < Math.floor(toLocalMs(dueAt) / DAY_MS) ? 'early' : 'on_time';
}

/** Rule 6: the leader's new deadline must be a working instant strictly after the current one. */
export function extendDeadline(cal: WorkingCalendar, input: { currentDueAt: Date; newDueAt: Date }): Date {
  if (input.newDueAt.getTime() <= input.currentDueAt.getTime()) {
    throw new DomainError('business_rule', 'calendar.extension_not_later', 'The new deadline must be after the current one.');
  }
  if (!isWorkingInstantLocal(cal, toLocalMs(input.newDueAt))) {
    throw new DomainError('business_rule', 'calendar.extension_not_working_time', 'The new deadline must fall in working time on a working day.');
  }
  return input.newDueAt;
}

/**
 * Rule 5 for a running dossier: at a supplement request, keep the working time left. When the
 * deadline has already passed (`overdue`) the pause changes nothing: keep the deadline, do not resume.
 */
export function pauseClock(cal: WorkingCalendar, input: { dueAt: Date; pausedAt: Date }): { remainingMs: number; overdue: boolean } {
  const overdue = input.pausedAt.getTime() >= input.dueAt.getTime();
  return { remainingMs: overdue ? 0 : workingTimeBetween(cal, input.pausedAt, input.dueAt), overdue };
}

/** … and when the supplement arrives, restart from that instant (normalised) with what was left. */
export function resumeClock(cal: WorkingCalendar, input: { resumedAt: Date; remainingMs: number }): { clockResumesAt: Date; dueAt: Date } {
  const at = normaliseLocal(cal, toLocalMs(input.resumedAt));
  return { clockResumesAt: fromLocalMs(at), dueAt: fromLocalMs(advanceLocal(cal, at, input.remainingMs)) };
}
