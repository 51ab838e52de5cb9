import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  computeDeadline,
  extendDeadline,
  normaliseStart,
  outcome,
  pauseClock,
  proposeYear,
  resumeClock,
  toLocalIso,
  workingTimeBetween,
  type TimeLimitInput,
} from '../../src/modules/calendar/index.ts';
import { readCalendarData } from '../../seed/calendar.ts';

// The shipped 2025–2026 data, exactly as the seed loads it: these tests pin the product's contract.
const data = readCalendarData();
const cal = buildCalendar({ entries: data.days.map((d) => ({ ...d, status: 'confirmed' as const })), years: { 2025: 'confirmed', 2026: 'confirmed' } });

const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => `${local}+07:00`;
function due(receivedAt: string, limit: TimeLimitInput, pauses: [string, string][] = []) {
  const r = computeDeadline(cal, { receivedAt: at(receivedAt), limit, pauses: pauses.map(([from, to]) => ({ from: at(from), to: at(to) })) });
  return { clockStartsAt: toLocalIso(r.clockStartsAt), dueAt: toLocalIso(r.dueAt), provisional: r.provisional };
}

describe('rule 1: the clock starts at the receipt, or at the next working period', () => {
  it('inside working time the clock starts at the receipt itself', () => {
    expect(due('2026-03-09T10:17:00', { workingHours: 1 }).clockStartsAt).toBe(iso('2026-03-09T10:17:00'));
  });
  it('a receipt at lunch starts the clock at 13:00', () => {
    expect(due('2026-03-09T12:30:00', { workingHours: 4 })).toMatchObject({ clockStartsAt: iso('2026-03-09T13:00:00'), dueAt: iso('2026-03-09T17:00:00') });
  });
  it('a receipt at 12:00 sharp or 17:00 sharp waits for the next period', () => {
    expect(due('2026-03-09T12:00:00', { workingHours: 1 }).clockStartsAt).toBe(iso('2026-03-09T13:00:00'));
    expect(due('2026-03-09T17:00:00', { workingHours: 1 }).clockStartsAt).toBe(iso('2026-03-10T08:00:00'));
  });
  it('an evening receipt starts the next working day at 08:00', () => {
    expect(due('2026-03-09T17:30:00', { workingDays: 1 })).toMatchObject({ clockStartsAt: iso('2026-03-10T08:00:00'), dueAt: iso('2026-03-10T17:00:00') });
  });
  it('an early-morning receipt starts at 08:00 the same day', () => {
    expect(due('2026-03-09T06:45:00', { workingDays: 1 }).clockStartsAt).toBe(iso('2026-03-09T08:00:00'));
  });
  it('a weekend receipt (online) starts on Monday 08:00', () => {
    expect(due('2026-03-07T09:00:00', { workingDays: 0.5 })).toMatchObject({ clockStartsAt: iso('2026-03-09T08:00:00'), dueAt: iso('2026-03-09T12:00:00') });
  });
  it('normalising twice changes nothing', () => {
    const once = normaliseStart(cal, at('2026-02-14T10:00:00'));
    expect(toLocalIso(once)).toBe(iso('2026-02-23T08:00:00'));
    expect(normaliseStart(cal, once).getTime()).toBe(once.getTime());
  });
});

describe('rules 2–3: N working days are N × 8 working hours', () => {
  it('Tết 2026: received Thu 12 Feb 10:00 with 3 working days, 16–20 Feb are skipped', () => {
    // Thu 6 h + Fri 8 h + Mon 23 Feb 8 h = 22 h; the last 2 h run out Tue 24 Feb at 10:00.
    expect(due('2026-02-12T10:00:00', { workingDays: 3 })).toEqual({
      clockStartsAt: iso('2026-02-12T10:00:00'),
      dueAt: iso('2026-02-24T10:00:00'),
      provisional: false,
    });
  });
  it('Tết 2026 explained: no consumed period falls on 14–22 Feb', () => {
    const r = computeDeadline(cal, { receivedAt: at('2026-02-12T10:00:00'), limit: { workingDays: 3 } }, { explain: true });
    expect(r.consumed!.map((c) => `${toLocalIso(c.from).slice(0, 16)}–${toLocalIso(c.to).slice(11, 16)}`)).toEqual([
      '2026-02-12T10:00–12:00',
      '2026-02-12T13:00–17:00',
      '2026-02-13T08:00–12:00',
      '2026-02-13T13:00–17:00',
      '2026-02-23T08:00–12:00',
      '2026-02-23T13:00–17:00',
      '2026-02-24T08:00–10:00',
    ]);
  });
  it('Tết 2025: received Fri 24 Jan 14:00 with 2 working days → Tue 4 Feb 14:00', () => {
    expect(due('2025-01-24T14:00:00', { workingDays: 2 }).dueAt).toBe(iso('2025-02-04T14:00:00'));
  });
  it('Tết 2025: a receipt on a Tết day starts Mon 3 Feb 08:00', () => {
    expect(due('2025-01-28T09:00:00', { workingDays: 1 })).toMatchObject({ clockStartsAt: iso('2025-02-03T08:00:00'), dueAt: iso('2025-02-03T17:00:00') });
  });
  it('just before Tết 2025 a short limit is not affected', () => {
    expect(due('2025-01-23T08:00:00', { workingDays: 1.5 }).dueAt).toBe(iso('2025-01-24T12:00:00'));
  });
  it('ending exactly at 17:00 stays 17:00 (and 12:00 stays 12:00)', () => {
    expect(due('2026-03-09T08:00:00', { workingDays: 1 }).dueAt).toBe(iso('2026-03-09T17:00:00'));
    expect(due('2026-03-09T08:00:00', { workingDays: 0.5 }).dueAt).toBe(iso('2026-03-09T12:00:00'));
    expect(due('2026-03-09T08:00:00', { workingDays: 5 }).dueAt).toBe(iso('2026-03-13T17:00:00'));
  });
  it('half days are 4 hours and cross the lunch break', () => {
    expect(due('2026-03-09T10:00:00', { workingDays: 0.5 }).dueAt).toBe(iso('2026-03-09T15:00:00'));
    expect(due('2026-03-09T10:00:00', { workingDays: 1.5 }).dueAt).toBe(iso('2026-03-10T15:00:00'));
  });
  it('working hours count the same way', () => {
    expect(due('2026-02-12T16:00:00', { workingHours: 4 }).dueAt).toBe(iso('2026-02-13T11:00:00'));
    expect(due('2026-03-09T11:30:00', { workingHours: 1 }).dueAt).toBe(iso('2026-03-09T13:30:00'));
  });
  it('a zero limit is due when the clock starts', () => {
    expect(due('2026-03-09T12:30:00', { workingDays: 0 }).dueAt).toBe(iso('2026-03-09T13:00:00'));
  });
});

describe('swapped days: make-up Saturdays count, swapped weekdays do not', () => {
  it('Sat 26 Apr 2025 is a working day', () => {
    expect(due('2025-04-25T16:00:00', { workingDays: 1 }).dueAt).toBe(iso('2025-04-26T16:00:00'));
  });
  it('Sat 10 Jan 2026 is a working day', () => {
    expect(due('2026-01-09T13:00:00', { workingDays: 1 }).dueAt).toBe(iso('2026-01-10T12:00:00'));
  });
  it('Sat 22 Aug 2026 is a working day', () => {
    expect(due('2026-08-21T17:30:00', { workingDays: 1 })).toMatchObject({ clockStartsAt: iso('2026-08-22T08:00:00'), dueAt: iso('2026-08-22T17:00:00') });
  });
  it('30 Apr – 2 May 2025 are off', () => {
    expect(due('2025-04-29T08:00:00', { workingDays: 2 }).dueAt).toBe(iso('2025-05-05T17:00:00'));
  });
  it('1–2 Jan 2026 are off, counting across the year end', () => {
    expect(due('2025-12-31T08:00:00', { workingDays: 2 }).dueAt).toBe(iso('2026-01-05T17:00:00'));
  });
  it('31 Aug – 2 Sep 2026 are off', () => {
    expect(due('2026-08-28T09:00:00', { workingDays: 1 }).dueAt).toBe(iso('2026-09-03T09:00:00'));
  });
  it('Mon 27 Apr 2026 is off in lieu of Hùng Kings day, 30 Apr – 1 May too', () => {
    expect(due('2026-04-24T17:00:00', { workingDays: 1 })).toMatchObject({ clockStartsAt: iso('2026-04-28T08:00:00'), dueAt: iso('2026-04-28T17:00:00') });
    expect(due('2026-04-29T08:00:00', { workingDays: 2 }).dueAt).toBe(iso('2026-05-04T17:00:00'));
  });
  it('an ordinary Saturday does not count, even where a center opens for intake', () => {
    expect(due('2026-03-06T16:00:00', { workingDays: 1 }).dueAt).toBe(iso('2026-03-09T16:00:00'));
  });
});

describe('rule 4: same-day procedures and the cut-off', () => {
  it('at 15:00 exactly: due at the end of the same day', () => {
    expect(due('2026-03-10T15:00:00', { sameDay: true, cutoff: '15:00' })).toMatchObject({ clockStartsAt: iso('2026-03-10T15:00:00'), dueAt: iso('2026-03-10T17:00:00') });
  });
  it('at 15:01: due at the end of the next working day', () => {
    expect(due('2026-03-10T15:01:00', { sameDay: true, cutoff: '15:00' }).dueAt).toBe(iso('2026-03-11T17:00:00'));
  });
  it('the cut-off defaults to 15:00', () => {
    expect(due('2026-03-10T15:00:00', { sameDay: true }).dueAt).toBe(iso('2026-03-10T17:00:00'));
    expect(due('2026-03-10T15:00:01', { sameDay: true }).dueAt).toBe(iso('2026-03-11T17:00:00'));
  });
  it('a procedure-specific cut-off is honoured', () => {
    expect(due('2026-03-10T10:59:00', { sameDay: true, cutoff: '11:00' }).dueAt).toBe(iso('2026-03-10T17:00:00'));
    expect(due('2026-03-10T11:30:00', { sameDay: true, cutoff: '11:00' }).dueAt).toBe(iso('2026-03-11T17:00:00'));
  });
  it('received before opening on a working day: same day', () => {
    expect(due('2026-03-10T07:00:00', { sameDay: true })).toMatchObject({ clockStartsAt: iso('2026-03-10T08:00:00'), dueAt: iso('2026-03-10T17:00:00') });
  });
  it('received on a day off: end of the next working day', () => {
    expect(due('2026-03-07T10:00:00', { sameDay: true }).dueAt).toBe(iso('2026-03-09T17:00:00'));
    expect(due('2026-02-18T10:00:00', { sameDay: true }).dueAt).toBe(iso('2026-02-23T17:00:00'));
  });
  it('after the cut-off on the Friday before Tết: the next working day is after Tết', () => {
    expect(due('2026-02-13T15:30:00', { sameDay: true }).dueAt).toBe(iso('2026-02-23T17:00:00'));
  });
});

describe('rule 5: pauses while a supplement is awaited', () => {
  it('stops the clock and resumes with the working time left', () => {
    // 2 h used Mon; 14 h left from Wed 14:30: Wed 2.5 h, Thu 8 h, Fri 3.5 h → Fri 11:30.
    expect(due('2026-03-09T08:00:00', { workingDays: 2 }, [['2026-03-09T10:00:00', '2026-03-11T14:30:00']]).dueAt).toBe(iso('2026-03-13T11:30:00'));
    expect(due('2026-03-09T08:00:00', { workingDays: 2 }).dueAt).toBe(iso('2026-03-10T17:00:00'));
  });
  it('a supplement received at lunch resumes the clock at 13:00', () => {
    expect(due('2026-03-09T08:00:00', { workingHours: 4 }, [['2026-03-09T10:00:00', '2026-03-10T12:20:00']]).dueAt).toBe(iso('2026-03-10T15:00:00'));
  });
  it('two pauses add up; a pause across Tết resumes after Tết', () => {
    // Mon 4 h; Tue 8 h + Wed 8 h + Thu 1 h; 3 h left when the supplement comes on a Tết day → Mon 23 Feb 11:00.
    expect(
      due('2026-02-09T08:00:00', { workingDays: 3 }, [
        ['2026-02-09T12:00:00', '2026-02-10T08:00:00'],
        ['2026-02-12T09:00:00', '2026-02-17T10:00:00'],
      ]).dueAt,
    ).toBe(iso('2026-02-23T11:00:00'));
  });
  it('a pause that starts after the deadline changes nothing', () => {
    expect(due('2026-03-09T08:00:00', { workingDays: 1 }, [['2026-03-10T09:00:00', '2026-03-12T09:00:00']]).dueAt).toBe(iso('2026-03-09T17:00:00'));
  });
  it('pause and resume helpers agree with the computed deadline', () => {
    const first = computeDeadline(cal, { receivedAt: at('2026-03-09T08:00:00'), limit: { workingDays: 2 } });
    const paused = pauseClock(cal, { dueAt: first.dueAt, pausedAt: at('2026-03-09T10:00:00') });
    expect(paused).toEqual({ remainingMs: 14 * 3_600_000, overdue: false });
    const resumed = resumeClock(cal, { resumedAt: at('2026-03-11T14:30:00'), remainingMs: paused.remainingMs });
    expect(toLocalIso(resumed.clockResumesAt)).toBe(iso('2026-03-11T14:30:00'));
    expect(toLocalIso(resumed.dueAt)).toBe(iso('2026-03-13T11:30:00'));
    expect(pauseClock(cal, { dueAt: first.dueAt, pausedAt: at('2026-03-11T09:00:00') })).toEqual({ remainingMs: 0, overdue: true });
  });
  it('rejects a pause that ends before it starts, starts before the receipt, or overlaps another', () => {
    const bad = (pauses: [string, string][]) => () => due('2026-03-09T08:00:00', { workingDays: 2 }, pauses);
    expect(bad([['2026-03-10T10:00:00', '2026-03-10T09:00:00']])).toThrow(/pauses/);
    expect(bad([['2026-03-08T10:00:00', '2026-03-10T09:00:00']])).toThrow(/pauses/);
    expect(bad([['2026-03-09T10:00:00', '2026-03-10T09:00:00'], ['2026-03-10T08:30:00', '2026-03-10T10:00:00']])).toThrow(/pauses/);
  });
});

describe('rule 6: an apology letter sets one later working instant', () => {
  const current = at('2026-03-10T17:00:00');
  it('accepts a working instant after the current deadline, 17:00 and worked Saturdays included', () => {
    expect(extendDeadline(cal, { currentDueAt: current, newDueAt: at('2026-03-12T17:00:00') })).toEqual(at('2026-03-12T17:00:00'));
    expect(extendDeadline(cal, { currentDueAt: at('2026-08-21T17:00:00'), newDueAt: at('2026-08-22T10:00:00') })).toEqual(at('2026-08-22T10:00:00'));
  });
  it('refuses an earlier instant, a lunch break, a weekend or a holiday', () => {
    expect(() => extendDeadline(cal, { currentDueAt: current, newDueAt: at('2026-03-10T16:00:00') })).toThrow(expect.objectContaining({ code: 'calendar.extension_not_later' }));
    for (const t of ['2026-03-11T12:30:00', '2026-03-14T10:00:00', '2026-04-30T10:00:00', '2026-03-11T17:30:00']) {
      expect(() => extendDeadline(cal, { currentDueAt: current, newDueAt: at(t) }), t).toThrow(expect.objectContaining({ code: 'calendar.extension_not_working_time' }));
    }
  });
});

describe('rule 7: early, on time, late', () => {
  const dueAt = at('2026-02-24T10:00:00');
  it('finished on an earlier day is early; the same day up to the deadline is on time; after is late', () => {
    expect(outcome(at('2026-02-23T16:00:00'), dueAt)).toBe('early');
    expect(outcome(at('2026-02-13T09:00:00'), dueAt)).toBe('early');
    expect(outcome(at('2026-02-24T08:30:00'), dueAt)).toBe('on_time');
    expect(outcome(at('2026-02-24T10:00:00'), dueAt)).toBe('on_time');
    expect(outcome(at('2026-02-24T10:01:00'), dueAt)).toBe('late');
  });
  it('a deadline moved by an apology letter still counts as late', () => {
    expect(outcome(at('2026-02-23T09:00:00'), dueAt, { extendedByApology: true })).toBe('late');
  });
  it('per-step budgets use the same arithmetic', () => {
    const step = computeDeadline(cal, { receivedAt: at('2026-02-12T15:00:00'), limit: { workingHours: 4 } });
    expect(toLocalIso(step.dueAt)).toBe(iso('2026-02-13T10:00:00'));
    expect(workingTimeBetween(cal, step.clockStartsAt, step.dueAt)).toBe(4 * 3_600_000);
  });
});

describe('calendar status', () => {
  it('a count that reaches a year without confirmed data is provisional', () => {
    expect(due('2026-12-28T08:00:00', { workingDays: 3 }).provisional).toBe(false);
    expect(due('2026-12-28T08:00:00', { workingDays: 10 }).provisional).toBe(true);
  });
});

describe('proposals for years not announced yet (Labour Code + Vietnamese lunar calendar)', () => {
  const byDate = (year: number) => Object.fromEntries(proposeYear(year).map((e) => [e.date, `${e.kind}: ${e.name}`]));
  it('2027: Tết around Sat 6 Feb with weekend days given back, Hùng Kings Fri 16 Apr, 1 May (Sat) moved to Mon 3 May', () => {
    const days = byDate(2027);
    expect(days['2027-02-05']).toBe('tet: Tết Nguyên đán (giao thừa)');
    expect(days['2027-02-06']).toBe('tet: Tết Nguyên đán (mùng 1)');
    expect(days['2027-02-09']).toBe('tet: Tết Nguyên đán (mùng 4)');
    expect(days['2027-02-10']).toMatch(/^substitute_off: Nghỉ bù Tết Nguyên đán/);
    expect(days['2027-02-11']).toMatch(/^substitute_off: Nghỉ bù Tết Nguyên đán/);
    expect(days['2027-04-16']).toBe('holiday: Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(days['2027-05-03']).toBe('substitute_off: Nghỉ bù Ngày Quốc tế Lao động (1/5)');
    expect(days['2027-09-02']).toBe('holiday: Quốc khánh (2/9)');
    expect(days['2027-09-03']).toBe('holiday: Quốc khánh (ngày liền kề)');
    expect(proposeYear(2027).every((e) => e.status === 'proposed')).toBe(true);
  });
  it('agrees with the shipped 2025 and 2026 lunar dates', () => {
    expect(byDate(2025)['2025-01-29']).toBe('tet: Tết Nguyên đán (mùng 1)');
    expect(byDate(2025)['2025-04-07']).toMatch(/Hùng Vương/);
    expect(byDate(2026)['2026-02-17']).toBe('tet: Tết Nguyên đán (mùng 1)');
    expect(byDate(2026)['2026-04-27']).toBe('substitute_off: Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  });
  it('uses the Vietnamese, not the Chinese, lunar calendar (Tết 2007 was 17 Feb in Vietnam, 18 Feb in China)', () => {
    expect(byDate(2007)['2007-02-17']).toBe('tet: Tết Nguyên đán (mùng 1)');
  });
});
