import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  computeDeadline,
  normaliseStart,
  outcome,
  pauseClock,
  proposeYear,
  resumeClock,
  workingTimeBetween,
  type TimeLimitInput,
  type WorkingCalendar,
} from '../../src/modules/calendar/index.ts';
import { readCalendarData } from '../../seed/calendar.ts';

// Shipped 2025–2026 data plus a proposed 2027, so the properties also cross a lunar-computed Tết.
const data = readCalendarData();
const cal = buildCalendar({
  entries: [...data.days.map((d) => ({ ...d, status: 'confirmed' as const })), ...proposeYear(2027)],
  years: { 2025: 'confirmed', 2026: 'confirmed', 2027: 'proposed' },
});

const H = 3_600_000;
const DAY = 24 * H;
const local = (t: Date) => t.getTime() + 7 * H;

/** Inside a working period of a working day, both ends included; never in a break, a weekend or a day off. */
function isWorkingInstant(c: WorkingCalendar, t: Date): boolean {
  const from = new Date(t.getTime() - 1);
  const to = new Date(t.getTime() + 1);
  return workingTimeBetween(c, from, t) > 0 || workingTimeBetween(c, t, to) > 0;
}

const start = Date.parse('2025-01-01T00:00:00+07:00');
const end = Date.parse('2027-12-01T00:00:00+07:00');
const instant = fc.oneof(
  fc.integer({ min: start, max: end }).map((ms) => new Date(ms)),
  // Whole minutes, where the edge cases (12:00, 17:00, 15:00) live.
  fc.integer({ min: start / 60_000, max: end / 60_000 }).map((m) => new Date(m * 60_000)),
);
const halfDays = fc.integer({ min: 0, max: 60 });
const limit: fc.Arbitrary<TimeLimitInput> = fc.oneof(
  halfDays.map((n) => ({ workingDays: n / 2 })),
  fc.integer({ min: 0, max: 200 }).map((h) => ({ workingHours: h / 4 })),
  fc.constantFrom('11:00', '15:00', '16:30').map((cutoff) => ({ sameDay: true as const, cutoff })),
);
/** Up to three non-overlapping pauses after the receipt, as offsets (ms) from it. */
const pauseOffsets = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 10 * DAY })), { maxLength: 3 })
  .map((pairs) => {
    const out: [number, number][] = [];
    let cursor = 0;
    for (const [gap, length] of pairs) {
      out.push([cursor + gap, cursor + gap + length]);
      cursor += gap + length;
    }
    return out;
  });
const at = (base: Date, offsets: [number, number][]) => offsets.map(([a, b]) => ({ from: new Date(base.getTime() + a), to: new Date(base.getTime() + b) }));

const runs = { numRuns: 2000 };

describe('legal clock invariants (fast-check)', () => {
  it('start normalisation is idempotent, never moves back, and lands in working time', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const s = normaliseStart(cal, t);
        expect(s.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(normaliseStart(cal, s).getTime()).toBe(s.getTime());
        expect(isWorkingInstant(cal, s)).toBe(true);
        // Nothing was skipped: no working time lies between the receipt and the clock start.
        expect(workingTimeBetween(cal, t, s)).toBe(0);
      }),
      runs,
    );
  });

  it('the deadline is never inside a break or on a day off, and uses exactly the limit', () => {
    fc.assert(
      fc.property(instant, limit, (receivedAt, l) => {
        const r = computeDeadline(cal, { receivedAt, limit: l });
        expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(r.clockStartsAt.getTime());
        expect(isWorkingInstant(cal, r.dueAt)).toBe(true);
        expect(workingTimeBetween(cal, r.clockStartsAt, r.dueAt)).toBe(r.workingMs);
      }),
      runs,
    );
  });

  it('a same-day limit is due at 17:00 of the receipt day or of the next working day', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('11:00', '15:00'), (receivedAt, cutoff) => {
        const r = computeDeadline(cal, { receivedAt, limit: { sameDay: true, cutoff } });
        expect(new Date(local(r.dueAt)).toISOString().slice(11, 16)).toBe('17:00');
        expect(workingTimeBetween(cal, r.clockStartsAt, r.dueAt)).toBeLessThanOrEqual(16 * H);
      }),
      runs,
    );
  });

  it('is monotone in N: a longer limit is never due earlier', () => {
    fc.assert(
      fc.property(instant, halfDays, halfDays, (receivedAt, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const d1 = computeDeadline(cal, { receivedAt, limit: { workingDays: short / 2 } }).dueAt;
        const d2 = computeDeadline(cal, { receivedAt, limit: { workingDays: long / 2 } }).dueAt;
        expect(d2.getTime()).toBeGreaterThanOrEqual(d1.getTime());
        if (long > short) expect(d2.getTime()).toBeGreaterThan(d1.getTime());
      }),
      runs,
    );
  });

  it('a later receipt is never due earlier', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * DAY }), limit, (receivedAt, delay, l) => {
        const d1 = computeDeadline(cal, { receivedAt, limit: l }).dueAt;
        const d2 = computeDeadline(cal, { receivedAt: new Date(receivedAt.getTime() + delay), limit: l }).dueAt;
        expect(d2.getTime()).toBeGreaterThanOrEqual(d1.getTime());
      }),
      runs,
    );
  });

  it('pausing never shortens, and the paused working time is exactly what is added', () => {
    fc.assert(
      fc.property(instant, limit, pauseOffsets, (receivedAt, l, offsets) => {
        const plain = computeDeadline(cal, { receivedAt, limit: l });
        const pauses = at(receivedAt, offsets);
        const paused = computeDeadline(cal, { receivedAt, limit: l, pauses });
        expect(paused.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime());
        expect(isWorkingInstant(cal, paused.dueAt)).toBe(true);
        // Working time on the clock = the limit, once the pauses that began before the end are taken out
        // (a pause starting after the time ran out changes nothing).
        const inPauses = pauses
          .filter((p) => p.from.getTime() < paused.dueAt.getTime())
          .reduce((sum, p) => sum + workingTimeBetween(cal, p.from, new Date(Math.min(p.to.getTime(), paused.dueAt.getTime()))), 0);
        const running = workingTimeBetween(cal, paused.clockStartsAt, paused.dueAt) - inPauses;
        expect(running).toBe(paused.workingMs);
      }),
      runs,
    );
  });

  it('pause and resume helpers give the same deadline as computing with the pause', () => {
    fc.assert(
      fc.property(instant, halfDays, fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 10 * DAY }), (receivedAt, n, gap, length) => {
        const from = new Date(receivedAt.getTime() + gap);
        const to = new Date(from.getTime() + length);
        const first = computeDeadline(cal, { receivedAt, limit: { workingDays: n / 2 } });
        const once = computeDeadline(cal, { receivedAt, limit: { workingDays: n / 2 }, pauses: [{ from, to }] });
        const paused = pauseClock(cal, { dueAt: first.dueAt, pausedAt: from });
        const expected = paused.overdue ? first.dueAt : resumeClock(cal, { resumedAt: to, remainingMs: paused.remainingMs }).dueAt;
        expect(once.dueAt.getTime()).toBe(expected.getTime());
      }),
      runs,
    );
  });

  it('finishing at the deadline is on time, after it late, on an earlier day early', () => {
    fc.assert(
      fc.property(instant, limit, fc.integer({ min: 1, max: 10 * DAY }), (receivedAt, l, delta) => {
        const { dueAt } = computeDeadline(cal, { receivedAt, limit: l });
        expect(outcome(dueAt, dueAt)).toBe('on_time');
        expect(outcome(new Date(dueAt.getTime() + delta), dueAt)).toBe('late');
        const before = new Date(dueAt.getTime() - delta);
        const earlierDay = Math.floor(local(before) / DAY) < Math.floor(local(dueAt) / DAY);
        expect(outcome(before, dueAt)).toBe(earlierDay ? 'early' : 'on_time');
      }),
      runs,
    );
  });
});
