import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { allDays, allYears } from './calendar.repo.ts';
import { buildCalendar, type WorkingCalendar } from './working-time.ts';

/**
 * The whole calendar is a few dozen rows a year, so it is read at once and kept in memory. Edits in
 * this process invalidate it at once; other processes (a separate worker, more API processes) pick
 * edits up within TTL_MS.
 */
const TTL_MS = 60_000;

type Slot = { generation: number; loaded?: { calendar: WorkingCalendar; at: number }; pending?: Promise<WorkingCalendar> };
const slots = new WeakMap<Db, Slot>();

async function readCalendar(db: Db): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([allDays(db), allYears(db)]);
  return buildCalendar({ entries: days, years: new Map(years.map((y) => [y.year, y.status])) });
}

/** The official calendar, from the in-process cache. Pass the app's `db`, not a transaction. */
export async function loadCalendar(deps: { db: Db; clock: Clock }): Promise<WorkingCalendar> {
  let slot = slots.get(deps.db);
  if (!slot) slots.set(deps.db, (slot = { generation: 0 }));
  const now = deps.clock.now().getTime();
  const age = slot.loaded ? now - slot.loaded.at : Infinity;
  if (slot.loaded && age >= 0 && age < TTL_MS) return slot.loaded.calendar;
  if (slot.pending) return slot.pending;

  const generation = slot.generation;
  const current = slot;
  const pending = readCalendar(deps.db).finally(() => {
    if (current.pending === pending) current.pending = undefined;
  });
  current.pending = pending;
  const calendar = await pending;
  // An edit committed while we were reading makes this copy stale: use it once, do not keep it.
  if (current.generation === generation) current.loaded = { calendar, at: now };
  return calendar;
}

export function invalidateCalendar(db: Db): void {
  const slot = slots.get(db);
  if (!slot) return;
  slot.generation++;
  slot.loaded = undefined;
  slot.pending = undefined;
}
