import type { OutreachPack } from '@motcua/contracts';

const OFFSET_MS = 7 * 3_600_000;

/** An instant as Vietnam local time with its offset, e.g. 2026-11-23T08:30:00+07:00. */
export function localIso(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The provisional deadline the pack gives for a receipt at this hour of the session day (null on another day). */
export function provisionalDue(pack: OutreachPack, code: string, at: Date): string | null {
  const local = localIso(at);
  if (local.slice(0, 10) !== pack.session.date) return null;
  return pack.provisionalDueAt[code]?.[Number(local.slice(11, 13))] ?? null;
}
