import { getSolarDate } from '@dqcai/vn-lunar';
import { dateOfDayIndex, DAY_MS, weekdayOf } from './local-time.ts';
import type { CalendarEntryData } from './working-time.ts';

/**
 * A proposed calendar for a year the government has not announced yet, from the Labour Code 2019:
 * Art. 112 (1 Jan; 5 Tết days; Hùng Kings 10/3 lunar; 30 Apr; 1 May; 2 Sep and one adjacent day)
 * and Art. 111(3) (a holiday on a weekend gives the next working day off). The lunar dates use the
 * Vietnamese calendar (UTC+7), which differs from the Chinese one in some years (1985, 2007).
 * Tết spans and swaps are decided yearly, so every row is `proposed` until an admin confirms it.
 */

const SOURCE = 'Đề xuất tự động theo Điều 111, 112 Bộ luật Lao động 2019 và âm lịch Việt Nam; chờ thông báo chính thức';

const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
const isWeekend = (day: number) => weekdayOf(day) >= 6;

function lunarToDay(day: number, month: number, year: number): number {
  const solar = getSolarDate(day, month, year);
  return dayOf(solar.year, solar.month, solar.day);
}

export function proposeYear(year: number): CalendarEntryData[] {
  const tet = lunarToDay(1, 1, year);
  const sep2 = dayOf(year, 9, 2);
  // The adjacent National Day holiday: the choice that joins a weekend (2024: Mon+Tue, 2025: Mon+Tue, 2026: Tue+Wed).
  const sepAdjacent = [1, 4].includes(weekdayOf(sep2)) ? sep2 + 1 : sep2 - 1;
  const holidays: [number, CalendarEntryData['kind'], string][] = [
    [dayOf(year, 1, 1), 'holiday', 'Tết Dương lịch'],
    [tet - 1, 'tet', 'Tết Nguyên đán (giao thừa)'],
    ...[1, 2, 3, 4].map((n): [number, 'tet', string] => [tet + n - 1, 'tet', `Tết Nguyên đán (mùng ${n})`]),
    [lunarToDay(10, 3, year), 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    [dayOf(year, 4, 30), 'holiday', 'Ngày Chiến thắng (30/4)'],
    [dayOf(year, 5, 1), 'holiday', 'Ngày Quốc tế Lao động (1/5)'],
    [Math.min(sep2, sepAdjacent), 'holiday', sepAdjacent < sep2 ? 'Quốc khánh (ngày liền kề)' : 'Quốc khánh (2/9)'],
    [Math.max(sep2, sepAdjacent), 'holiday', sepAdjacent > sep2 ? 'Quốc khánh (ngày liền kề)' : 'Quốc khánh (2/9)'],
  ];

  const taken = new Map<number, CalendarEntryData>();
  for (const [day, kind, name] of holidays) taken.set(day, { date: dateOfDayIndex(day), kind, name, status: 'proposed', source: SOURCE });
  for (const [day, , name] of holidays) {
    if (!isWeekend(day)) continue;
    let sub = day + 1;
    while (isWeekend(sub) || taken.has(sub)) sub++;
    taken.set(sub, { date: dateOfDayIndex(sub), kind: 'substitute_off', name: `Nghỉ bù ${name}`, status: 'proposed', source: SOURCE });
  }
  return [...taken.entries()]
    .filter(([day]) => new Date(day * DAY_MS).getUTCFullYear() === year)
    .sort(([a], [b]) => a - b)
    .map(([, entry]) => entry);
}
