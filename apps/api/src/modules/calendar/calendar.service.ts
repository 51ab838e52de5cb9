import type {
  CalendarAuditEntry,
  CalendarDay,
  CalendarDayInput,
  CalendarEntry,
  CalendarYear,
  DeadlineRequest,
  DeadlineResponse,
} from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { findCenter } from '../units/index.ts';
import { invalidateCalendar, loadCalendar } from './calendar.cache.ts';
import {
  allDays,
  allYears,
  confirmProposedDays,
  countDays,
  deleteDay,
  findDay,
  findYear,
  insertAudit,
  insertDaysIfAbsent,
  listAudit,
  upsertDay,
  upsertYear,
  type AuditRow,
  type DayRow,
} from './calendar.repo.ts';
import { computeDeadline } from './deadline.ts';
import { describeDay } from './days.ts';
import { dayIndexOf, dayIndexOfDate, MINUTE_MS, toLocalIso, toLocalMs, weekdayOf, yearOfDayIndex } from './local-time.ts';
import { proposeYear } from './proposal.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;

/** Longest range `GET /calendar/days` answers: a year view plus a margin. */
export const MAX_DAYS_RANGE = 400;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export async function deadline(deps: Deps, body: DeadlineRequest, explain: boolean): Promise<DeadlineResponse> {
  if (body.centerId && !(await findCenter(deps.db, body.centerId))) {
    throw new DomainError('validation', 'calendar.unknown_center', 'No center has this id.', {
      errors: [{ path: 'body.centerId', message: 'no such center' }],
    });
  }
  const receivedAt = new Date(body.receivedAt);
  const year = yearOfDayIndex(dayIndexOf(toLocalMs(receivedAt)));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError('validation', 'calendar.out_of_range', `Deadlines are counted for receipts in ${MIN_YEAR}–${MAX_YEAR}.`, {
      errors: [{ path: 'body.receivedAt', message: `year must be ${MIN_YEAR}–${MAX_YEAR}` }],
    });
  }
  const cal = await loadCalendar(deps);
  const pauses = (body.pauses ?? []).map((p) => ({ from: new Date(p.from), to: new Date(p.to) }));
  const result = computeDeadline(cal, { receivedAt, limit: body.limit, pauses }, { explain });
  return {
    clockStartsAt: toLocalIso(result.clockStartsAt),
    dueAt: toLocalIso(result.dueAt),
    workingMinutes: result.workingMs / MINUTE_MS,
    provisional: result.provisional,
    ...(result.consumed
      ? { consumed: result.consumed.map((c) => ({ from: toLocalIso(c.from), to: toLocalIso(c.to), minutes: (c.to.getTime() - c.from.getTime()) / MINUTE_MS })) }
      : {}),
  };
}

export async function listDays(deps: Deps, query: { from: string; to: string }): Promise<CalendarDay[]> {
  const from = dayIndexOfDate(query.from);
  const to = dayIndexOfDate(query.to);
  const errors = [
    ...(from === null ? [{ path: 'querystring.from', message: 'not a calendar date' }] : []),
    ...(to === null ? [{ path: 'querystring.to', message: 'not a calendar date' }] : []),
  ];
  if (from !== null && to !== null && to < from) errors.push({ path: 'querystring.to', message: 'must not be before from' });
  if (from !== null && to !== null && to - from + 1 > MAX_DAYS_RANGE) errors.push({ path: 'querystring.to', message: `at most ${MAX_DAYS_RANGE} days` });
  if (errors.length > 0 || from === null || to === null) {
    throw new DomainError('validation', 'calendar.invalid_range', `Ask for at most ${MAX_DAYS_RANGE} days, from ≤ to.`, { errors });
  }
  const cal = await loadCalendar(deps);
  const days: CalendarDay[] = [];
  for (let day = from; day <= to; day++) days.push(describeDay(cal, day));
  return days;
}

/**
 * Every year with data, plus the current and the next one: a year that deadlines will soon cross
 * and that nobody has confirmed is exactly what the admin page must flag.
 */
export async function listYears(deps: Deps): Promise<CalendarYear[]> {
  const [days, years] = await Promise.all([allDays(deps.db), allYears(deps.db)]);
  const current = yearOfDayIndex(dayIndexOf(toLocalMs(deps.clock.now())));
  const numbers = new Set([...years.map((y) => y.year), ...days.map((d) => d.year), current, current + 1]);
  return [...numbers]
    .sort((a, b) => a - b)
    .map((year) => {
      const row = years.find((y) => y.year === year);
      const ofYear = days.filter((d) => d.year === year);
      const status = row?.status ?? (ofYear.length > 0 ? 'proposed' : 'missing');
      return {
        year,
        status,
        flagged: status !== 'confirmed',
        daysOff: ofYear.filter((d) => d.kind !== 'working_saturday' && weekdayOf(dayIndexOfDate(d.date)!) <= 5).length,
        workingSaturdays: ofYear.filter((d) => d.kind === 'working_saturday').length,
        proposedDays: ofYear.filter((d) => d.status === 'proposed').length,
        confirmedBy: row?.status === 'confirmed' ? row.updatedBy : null,
        confirmedAt: row?.status === 'confirmed' ? toLocalIso(row.updatedAt) : null,
      };
    });
}

const entryOf = (row: DayRow): CalendarEntry => ({ ...row, updatedAt: toLocalIso(row.updatedAt) });

/**
 * The official calendar is national and each province runs its own deployment, so every province
 * admin of this deployment may edit it; the audit trail records who did what.
 */
function requireCalendarAdmin(actor: Actor): void {
  if (actor.role !== 'province_admin') throw forbidden('calendar.forbidden', 'Only province administrators edit the calendar.');
}

function parseDate(date: string): { day: number; year: number } {
  const day = dayIndexOfDate(date);
  const year = day === null ? NaN : yearOfDayIndex(day);
  if (day === null || !(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new DomainError('validation', 'calendar.invalid_date', `A real date in ${MIN_YEAR}–${MAX_YEAR} is required.`, {
      errors: [{ path: 'params.date', message: 'not a calendar date in range' }],
    });
  }
  return { day, year };
}

function audit(deps: Deps, actor: Actor, row: Pick<AuditRow, 'action' | 'date' | 'year' | 'before' | 'after'>): AuditRow {
  return { id: deps.ids.next(), at: deps.clock.now(), userId: actor.userId, username: actor.username, provinceCode: actor.provinceCode, ...row };
}

/** Creates or replaces the entry of a date. A proposed entry puts its year back to "proposed". */
export async function putDay(deps: Deps, actor: Actor, date: string, input: CalendarDayInput & { status: 'confirmed' | 'proposed'; source: string }): Promise<CalendarEntry> {
  requireCalendarAdmin(actor);
  const { day, year } = parseDate(date);
  if (input.kind === 'working_saturday' && weekdayOf(day) <= 5) {
    throw new DomainError('business_rule', 'calendar.not_a_weekend', 'A make-up working day must be a Saturday or Sunday.');
  }
  const now = deps.clock.now();
  const row: DayRow = { date, year, kind: input.kind, name: input.name.normalize('NFC'), status: input.status, source: input.source.normalize('NFC'), updatedAt: now, updatedBy: actor.username };
  await deps.db.transaction(async (tx) => {
    const before = await findDay(tx, date);
    await upsertDay(tx, row);
    const yearRow = await findYear(tx, year);
    if (!yearRow || input.status === 'proposed') {
      if (yearRow?.status !== 'proposed') await upsertYear(tx, { year, status: 'proposed', updatedAt: now, updatedBy: actor.username });
    }
    await insertAudit(tx, audit(deps, actor, { action: 'upsert_day', date, year, before: before && entryOf(before), after: entryOf(row) }));
  });
  invalidateCalendar(deps.db);
  return entryOf(row);
}

export async function removeDay(deps: Deps, actor: Actor, date: string): Promise<void> {
  requireCalendarAdmin(actor);
  const { year } = parseDate(date);
  await deps.db.transaction(async (tx) => {
    const before = await findDay(tx, date);
    if (!before) throw notFound('calendar.day_not_found', 'The calendar has no entry on this date.');
    await deleteDay(tx, date);
    await insertAudit(tx, audit(deps, actor, { action: 'remove_day', date, year, before: entryOf(before), after: null }));
  });
  invalidateCalendar(deps.db);
}

export async function confirmDay(deps: Deps, actor: Actor, date: string): Promise<CalendarEntry> {
  requireCalendarAdmin(actor);
  const { year } = parseDate(date);
  const now = deps.clock.now();
  const after = await deps.db.transaction(async (tx) => {
    const before = await findDay(tx, date);
    if (!before) throw notFound('calendar.day_not_found', 'The calendar has no entry on this date.');
    const row: DayRow = { ...before, status: 'confirmed', updatedAt: now, updatedBy: actor.username };
    await upsertDay(tx, row);
    await insertAudit(tx, audit(deps, actor, { action: 'confirm_day', date, year, before: entryOf(before), after: entryOf(row) }));
    return row;
  });
  invalidateCalendar(deps.db);
  return entryOf(after);
}

/** Fills a year not announced yet with the days the law implies; dates already present are kept. */
export async function proposeCalendarYear(deps: Deps, actor: Actor, year: number): Promise<{ year: number; added: CalendarEntry[] }> {
  requireCalendarAdmin(actor);
  const now = deps.clock.now();
  const added = await deps.db.transaction(async (tx) => {
    const existing = await findYear(tx, year);
    if (existing?.status === 'confirmed') {
      throw new DomainError('conflict', 'calendar.year_confirmed', 'This year is confirmed; edit its days one by one.');
    }
    const rows = proposeYear(year).map((e): DayRow => ({ ...e, year, updatedAt: now, updatedBy: actor.username }));
    const inserted = await insertDaysIfAbsent(tx, rows);
    await upsertYear(tx, { year, status: 'proposed', updatedAt: now, updatedBy: actor.username });
    await insertAudit(tx, audit(deps, actor, { action: 'propose_year', date: null, year, before: null, after: inserted.map(entryOf) }));
    return inserted;
  });
  invalidateCalendar(deps.db);
  return { year, added: added.map(entryOf) };
}

/** The admin has checked the year against the official notice: every day and the year become confirmed. */
export async function confirmCalendarYear(deps: Deps, actor: Actor, year: number): Promise<CalendarYear> {
  requireCalendarAdmin(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await findYear(tx, year);
    if ((await countDays(tx, year)) === 0) {
      throw new DomainError('business_rule', 'calendar.year_empty', 'This year has no days yet: propose it or add its days first.');
    }
    const days = await confirmProposedDays(tx, year, now, actor.username);
    await upsertYear(tx, { year, status: 'confirmed', updatedAt: now, updatedBy: actor.username });
    await insertAudit(tx, audit(deps, actor, { action: 'confirm_year', date: null, year, before: before?.status ?? null, after: { status: 'confirmed', daysConfirmed: days } }));
  });
  invalidateCalendar(deps.db);
  const summary = (await listYears(deps)).find((y) => y.year === year);
  if (!summary) throw new Error(`year ${year} vanished after confirming it`);
  return summary;
}

export async function calendarAuditLog(deps: Deps, actor: Actor, year: number | undefined): Promise<CalendarAuditEntry[]> {
  requireCalendarAdmin(actor);
  const rows = await listAudit(deps.db, year, 200);
  return rows.map((r) => ({
    id: r.id,
    at: toLocalIso(r.at),
    username: r.username,
    provinceCode: r.provinceCode,
    action: r.action as CalendarAuditEntry['action'],
    date: r.date,
    year: r.year,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
