/** Calendar dates are local dates ("YYYY-MM-DD"); format them as UTC so no time zone shifts the day. */
const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

export const formatDate = (date: string, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(asDate(date));

export const monthName = (month: number, language: string) =>
  new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 1)));

/** Short weekday names, Monday first (2026-01-05 was a Monday). */
export const weekdayNames = (language: string) =>
  [5, 6, 7, 8, 9, 10, 11].map((d) => new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, d))));
