import type { TicketStatus } from '@motcua/contracts';

/** Centers work on Vietnamese local time (UTC+7, no daylight saving). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local calendar day of an instant, "YYYY-MM-DD": ticket numbers restart with it. */
export function localDay(at: Date): string {
  return dayFormat.format(at);
}

/** Start of a local day as an instant. */
export function startOfLocalDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** "B" + 23 → "B023": the letter of the service group and at least three digits. */
export function ticketNumber(groupCode: string, seq: number): string {
  return `${groupCode}${String(seq).padStart(3, '0')}`;
}

export const ticketActions = ['call', 'recall', 'start', 'finish', 'skip', 'transfer'] as const;
export type TicketAction = (typeof ticketActions)[number];

/**
 * Every legal move of a ticket. `satisfies` makes a new status fail to compile until its row is
 * written here. A ticket that did not come (no-show) may still be recalled when the person returns.
 */
export const transitions = {
  waiting: { call: 'called' },
  called: { recall: 'called', start: 'serving', finish: 'done', skip: 'no_show', transfer: 'waiting' },
  serving: { finish: 'done', transfer: 'waiting' },
  done: {},
  no_show: { recall: 'called' },
} as const satisfies Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>>;

export function nextStatus(from: TicketStatus, action: TicketAction): TicketStatus | null {
  const row: Partial<Record<TicketAction, TicketStatus>> = transitions[from];
  return row[action] ?? null;
}

export function allowedActions(from: TicketStatus): TicketAction[] {
  return Object.keys(transitions[from]) as TicketAction[];
}

/** Minutes per ticket assumed before a group has any finished service today. */
export const DEFAULT_SERVICE_MINUTES = 8;

/** People ahead × average service time, shared by the counters serving the group; whole minutes. */
export function estimateWaitMinutes(input: { ahead: number; avgServiceMinutes: number | null; openCounters: number }): number {
  const per = input.avgServiceMinutes ?? DEFAULT_SERVICE_MINUTES;
  return Math.ceil((input.ahead * per) / Math.max(1, input.openCounters));
}

/** A citizen who left a phone number gets an SMS when this many people are ahead. */
export const NEAR_TURN_AHEAD = 3;
