import { z } from 'zod';
import { TimeLimit } from './time-limit.ts';

/** An instant with an explicit offset ("2026-02-12T10:00:00+07:00" or "…Z"); answers always use +07:00. */
const Instant = z.iso.datetime({ offset: true });
/** A local calendar date in Asia/Ho_Chi_Minh, "YYYY-MM-DD". */
const LocalDate = z.iso.date();

/**
 * Why a day departs from the Monday–Friday rule. Every kind but `working_saturday` is a day off;
 * `working_saturday` is a weekend day worked to make up a swapped day off (làm bù).
 */
export const CalendarDayKind = z.enum(['holiday', 'tet', 'substitute_off', 'government_off', 'working_saturday']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

/** `proposed` rows are computed (lunar calendar, Labour Code) and wait for an admin to confirm them. */
export const CalendarDayStatus = z.enum(['confirmed', 'proposed']);
export type CalendarDayStatus = z.infer<typeof CalendarDayStatus>;

export const ClockPause = z.object({ from: Instant, to: Instant }).strict();
export type ClockPause = z.infer<typeof ClockPause>;

export const DeadlineRequest = z
  .object({
    receivedAt: Instant,
    limit: TimeLimit,
    /** Accepted and checked; every center counts on the official calendar for now. */
    centerId: z.uuid().optional(),
    /** Supplement waits: the clock stops at `from` and resumes at `to` (normalised to working time). */
    pauses: z.array(ClockPause).max(20).optional(),
  })
  .strict();
export type DeadlineRequest = z.infer<typeof DeadlineRequest>;

/** One stretch of working time the limit used up, for explaining a date to a citizen. */
export const ConsumedWorkingPeriod = z.object({ from: Instant, to: Instant, minutes: z.number() });
export type ConsumedWorkingPeriod = z.infer<typeof ConsumedWorkingPeriod>;

export const DeadlineResponse = z.object({
  clockStartsAt: Instant,
  dueAt: Instant,
  /** Working minutes the limit allows (N working days × 480). */
  workingMinutes: z.number(),
  /** True when the count crosses a year whose official calendar is not confirmed yet. */
  provisional: z.boolean(),
  consumed: z.array(ConsumedWorkingPeriod).optional(),
});
export type DeadlineResponse = z.infer<typeof DeadlineResponse>;

export const CalendarDaysQuery = z.object({ from: LocalDate, to: LocalDate });
export type CalendarDaysQuery = z.infer<typeof CalendarDaysQuery>;

export const CalendarDay = z.object({
  date: LocalDate,
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  working: z.boolean(),
  /** `workday`/`weekend` for ordinary days, otherwise the kind of the calendar entry. */
  kind: z.union([z.enum(['workday', 'weekend']), CalendarDayKind]),
  /** In Vietnamese, e.g. "Tết Nguyên đán (mùng 1)", "Làm bù cho thứ Sáu 02/5/2025"; null on an ordinary workday. */
  reason: z.string().nullable(),
  status: CalendarDayStatus.nullable(),
  source: z.string().nullable(),
  /** Local working periods counted for deadlines ("08:00"–"12:00"…); empty on a day off. */
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** Body of `PUT /api/v1/calendar/days/{date}`: creates or replaces the entry of that date. */
export const CalendarDayInput = z
  .object({
    kind: CalendarDayKind,
    name: z.string().trim().min(1).max(200),
    status: CalendarDayStatus.default('confirmed'),
    source: z.string().trim().max(500).default(''),
  })
  .strict();
export type CalendarDayInput = z.input<typeof CalendarDayInput>;

export const CalendarEntry = z.object({
  date: LocalDate,
  year: z.number().int(),
  kind: CalendarDayKind,
  name: z.string(),
  status: CalendarDayStatus,
  source: z.string(),
  updatedAt: Instant,
  updatedBy: z.string(),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;

/** `missing`: no data at all; `proposed`: computed, not confirmed; both are flagged for admins. */
export const CalendarYearStatus = z.enum(['confirmed', 'proposed', 'missing']);
export type CalendarYearStatus = z.infer<typeof CalendarYearStatus>;

export const CalendarYear = z.object({
  year: z.number().int(),
  status: CalendarYearStatus,
  flagged: z.boolean(),
  daysOff: z.number().int(),
  workingSaturdays: z.number().int(),
  proposedDays: z.number().int(),
  confirmedBy: z.string().nullable(),
  confirmedAt: Instant.nullable(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarAuditEntry = z.object({
  id: z.uuid(),
  at: Instant,
  username: z.string(),
  provinceCode: z.string(),
  action: z.enum(['upsert_day', 'remove_day', 'confirm_day', 'propose_year', 'confirm_year']),
  date: LocalDate.nullable(),
  year: z.number().int(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type CalendarAuditEntry = z.infer<typeof CalendarAuditEntry>;
