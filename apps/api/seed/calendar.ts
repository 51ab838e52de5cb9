import fs from 'node:fs';
import path from 'node:path';
import { apiRoot } from '../src/platform/paths.ts';
import type { CalendarDayKind, CalendarDayStatus } from '@motcua/contracts';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import { calendarDays, calendarYears } from '../src/modules/calendar/calendar.tables.ts';

type CalendarData = {
  years: Record<string, CalendarDayStatus>;
  days: { date: string; kind: CalendarDayKind; name: string; source: string }[];
};

const file = path.join(apiRoot, 'seed', 'data', 'vn-calendar-2025-2026.json');

export function readCalendarData(): CalendarData {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CalendarData;
}

/** The confirmed 2025–2026 calendar. Rows an admin has already edited are left as they are. */
export async function seedCalendar(tx: Db, deps: { clock: Clock }): Promise<{ days: number; years: number }> {
  const data = readCalendarData();
  const now = deps.clock.now();
  const days = await tx
    .insert(calendarDays)
    .values(
      data.days.map((d) => ({
        date: d.date,
        year: Number(d.date.slice(0, 4)),
        kind: d.kind,
        name: d.name,
        status: data.years[d.date.slice(0, 4)] ?? 'proposed',
        source: d.source,
        updatedAt: now,
        updatedBy: 'seed',
      })),
    )
    .onConflictDoNothing()
    .returning({ date: calendarDays.date });
  const years = await tx
    .insert(calendarYears)
    .values(Object.entries(data.years).map(([year, status]) => ({ year: Number(year), status, updatedAt: now, updatedBy: 'seed' })))
    .onConflictDoNothing()
    .returning({ year: calendarYears.year });
  return { days: days.length, years: years.length };
}
