import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickNext, PRIORITY_BURST, streakAfter, type Waiting } from '../../src/modules/queue/priority.ts';
import { allowedActions, estimateWaitMinutes, localDay, nextStatus, ticketNumber, transitions } from '../../src/modules/queue/queue.rules.ts';

type Step = { kind: 'arrive'; priority: boolean } | { kind: 'call' };

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('arrive' as const), priority: fc.boolean() }),
    fc.record({ kind: fc.constant('call' as const) }),
  ),
  { maxLength: 300 },
);

/** Runs a day at one counter: arrivals and calls in the given order, then calls until empty. */
function simulate(plan: Step[], burst: number) {
  const waiting: Waiting[] = [];
  const calls: { ticket: Waiting; normalWaiting: boolean; priorityWaiting: boolean; streakBefore: number }[] = [];
  let streak = 0;
  let clock = 0;
  const call = () => {
    const ticket = pickNext(waiting, streak, burst);
    if (!ticket) return;
    calls.push({ ticket, normalWaiting: waiting.some((w) => !w.priority), priorityWaiting: waiting.some((w) => w.priority), streakBefore: streak });
    waiting.splice(waiting.indexOf(ticket), 1);
    streak = streakAfter(streak, ticket.priority ? 'priority' : 'normal');
  };
  for (const step of plan) {
    if (step.kind === 'arrive') waiting.push({ id: String(clock), priority: step.priority, readyAt: clock++ });
    else call();
  }
  while (waiting.length > 0) call();
  return calls;
}

describe('priority policy (property-based)', () => {
  const burst = fc.integer({ min: 1, max: 6 });

  it('never calls more than K priority tickets in a row while a normal ticket waits', () => {
    fc.assert(
      fc.property(steps, burst, (plan, k) => {
        for (const c of simulate(plan, k)) {
          if (c.ticket.priority && c.normalWaiting) expect(c.streakBefore).toBeLessThan(k);
        }
      }),
    );
  });

  it('calls a waiting priority ticket first unless K priority calls just happened', () => {
    fc.assert(
      fc.property(steps, burst, (plan, k) => {
        for (const c of simulate(plan, k)) {
          if (c.priorityWaiting && c.streakBefore < k) expect(c.ticket.priority).toBe(true);
        }
      }),
    );
  });

  it('serves everyone, and each class in arrival order (nobody starves, nobody jumps their own line)', () => {
    fc.assert(
      fc.property(steps, burst, (plan, k) => {
        const calls = simulate(plan, k);
        expect(calls).toHaveLength(plan.filter((s) => s.kind === 'arrive').length);
        for (const cls of [true, false]) {
          const order = calls.filter((c) => c.ticket.priority === cls).map((c) => c.ticket.readyAt);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }),
    );
  });

  it(`uses K = ${PRIORITY_BURST} by default`, () => {
    const w = (id: string, priority: boolean, readyAt: number) => ({ id, priority, readyAt });
    const line = [w('n1', false, 0), w('p1', true, 1)];
    expect(pickNext(line, PRIORITY_BURST - 1)?.id).toBe('p1');
    expect(pickNext(line, PRIORITY_BURST)?.id).toBe('n1');
  });
});

describe('ticket rules', () => {
  it('every status has a row; finished tickets cannot move; a no-show can be recalled', () => {
    expect(Object.keys(transitions).sort()).toEqual(['called', 'done', 'no_show', 'serving', 'waiting']);
    expect(allowedActions('done')).toEqual([]);
    expect(nextStatus('waiting', 'call')).toBe('called');
    expect(nextStatus('waiting', 'finish')).toBeNull();
    expect(nextStatus('no_show', 'recall')).toBe('called');
    expect(nextStatus('serving', 'transfer')).toBe('waiting');
  });

  it('numbers tickets with the group letter and three digits, per local day in Vietnam', () => {
    expect(ticketNumber('B', 23)).toBe('B023');
    expect(ticketNumber('A', 1000)).toBe('A1000');
    expect(localDay(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(localDay(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });

  it('estimates the wait from people ahead, service time and open counters', () => {
    expect(estimateWaitMinutes({ ahead: 6, avgServiceMinutes: 10, openCounters: 2 })).toBe(30);
    expect(estimateWaitMinutes({ ahead: 3, avgServiceMinutes: null, openCounters: 0 })).toBe(24);
    expect(estimateWaitMinutes({ ahead: 0, avgServiceMinutes: 7, openCounters: 1 })).toBe(0);
  });
});
