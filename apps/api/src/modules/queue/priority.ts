/**
 * Priority policy. Elderly people, people with disabilities, pregnant women and people with small
 * children are called ahead of the normal line, but after `burst` priority calls in a row a counter
 * takes a normal ticket when one is waiting, so the normal line is never starved.
 */
export const PRIORITY_BURST = 3;

export type TicketClass = 'priority' | 'normal';

/** The class a counter should take next; the other class is taken when this one is empty. */
export function preferredClass(streak: number, burst = PRIORITY_BURST): TicketClass {
  return streak >= burst ? 'normal' : 'priority';
}

/** Consecutive priority calls after calling a ticket of `called` class. */
export function streakAfter(streak: number, called: TicketClass): number {
  return called === 'priority' ? streak + 1 : 0;
}

export type Waiting = { id: string; priority: boolean; readyAt: number };

/** The whole rule on a list in memory: the same order the claim query uses (class, then time). */
export function pickNext<T extends Waiting>(waiting: readonly T[], streak: number, burst = PRIORITY_BURST): T | null {
  const want = preferredClass(streak, burst) === 'priority';
  let best: T | null = null;
  for (const w of waiting) {
    if (!best) best = w;
    else if (w.priority === want && best.priority !== want) best = w;
    else if (w.priority === best.priority && w.readyAt < best.readyAt) best = w;
  }
  return best;
}
