/**
 * The API sends instants as ISO strings already in Vietnam time (+07:00). Reading the digits keeps
 * what the officer sees equal to the legal deadline, whatever time zone the PC is set to.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

export type LocalParts = { date: string; time: string | null; weekday: string };

/** "2026-11-24T17:00:00+07:00" → { date: "24/11/2026", time: "17:00", weekday: "2" } (ISO weekday, 1 = Monday). */
export function localParts(iso: string): LocalParts | null {
  const m = LOCAL.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  return { date: `${d}/${mo}/${y}`, time: h && mi ? `${h}:${mi}` : null, weekday: String(day === 0 ? 7 : day) };
}

/** "24/11/2026" from an ISO date or instant; the input unchanged when it is not one. */
export function formatDate(iso: string): string {
  return localParts(iso)?.date ?? iso;
}

/** "17:00 24/11/2026" from an ISO instant. */
export function formatDateTime(iso: string): string {
  const p = localParts(iso);
  if (!p) return iso;
  return p.time ? `${p.time} ${p.date}` : p.date;
}

/** Whole đồng with Vietnamese digit grouping: 70000 → "70.000". */
export function formatMoney(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
