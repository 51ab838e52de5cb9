/**
 * Local time of Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975, so a
 * fixed offset is exact and no time-zone database is needed. "Local ms" = UTC ms + 7 h; a local day
 * index is the number of whole local days since 1970-01-01.
 */
export const OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

export const toLocalMs = (instant: Date | number): number => (typeof instant === 'number' ? instant : instant.getTime()) + OFFSET_MS;
export const fromLocalMs = (local: number): Date => new Date(local - OFFSET_MS);

export const dayIndexOf = (local: number): number => Math.floor(local / DAY_MS);

/** ISO weekday of a local day index: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** "YYYY-MM-DD" → local day index; null when it is not a real calendar date. */
export function dayIndexOfDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function dateOfDayIndex(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const yearOfDayIndex = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** "HH:MM" → minutes after local midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export const hhmmOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** ISO-8601 with the +07:00 offset, e.g. "2026-02-23T10:00:00+07:00" (milliseconds only when present). */
export function toLocalIso(instant: Date | number): string {
  const iso = new Date(toLocalMs(instant)).toISOString();
  const body = iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
  return `${body}+07:00`;
}
