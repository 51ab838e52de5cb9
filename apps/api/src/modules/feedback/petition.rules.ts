import { computeDeadline, type WorkingCalendar } from '../calendar/index.ts';

/**
 * PAKN deadlines used by the 766 scoring (Decision 766/QĐ-TTg): answer within 15 working days,
 * refuse within 2, ask for more information within 5 — all counted from receipt on the official
 * working calendar. Pure over a loaded calendar.
 */
export const PETITION_LIMITS = { answerDays: 15, refuseDays: 2, infoDays: 5 } as const;

export type PetitionDeadlines = { refuseBy: Date; infoBy: Date; dueAt: Date };

export function petitionDeadlines(cal: WorkingCalendar, receivedAt: Date): PetitionDeadlines {
  const at = (workingDays: number) => computeDeadline(cal, { receivedAt, limit: { workingDays } }).dueAt;
  return { refuseBy: at(PETITION_LIMITS.refuseDays), infoBy: at(PETITION_LIMITS.infoDays), dueAt: at(PETITION_LIMITS.answerDays) };
}

/** On time when the closing step (refusal or answer) came by its own deadline. */
export function closingOutcome(action: 'refuse' | 'answer', at: Date, d: PetitionDeadlines): 'on_time' | 'late' {
  const limit = action === 'refuse' ? d.refuseBy : d.dueAt;
  return at.getTime() <= limit.getTime() ? 'on_time' : 'late';
}

/** Badge on the staff desk for an open petition. */
export function deskBadge(now: Date, p: { status: string; dueAt: Date; refuseBy: Date; infoRequestedAt: Date | null }): 'late' | 'due_soon' | null {
  if (p.status !== 'received' && p.status !== 'info_requested') return null;
  if (now.getTime() > p.dueAt.getTime()) return 'late';
  if (p.dueAt.getTime() - now.getTime() < 3 * 86_400_000) return 'due_soon';
  return null;
}

/** `PAKN-46-2026-000012`: per province and year. */
export const petitionCode = (provinceCode: string, year: number, seq: number) => `PAKN-${provinceCode}-${year}-${String(seq).padStart(6, '0')}`;

/**
 * "Lê Thị Hoa" → "L.T.H.": how Vietnamese newspapers name a private person. The sender recognises
 * it; a stranger cannot find them by it.
 */
export function initialsOf(name: string | null): string | null {
  const words = (name ?? '').normalize('NFD').replace(/\p{M}/gu, '').split(/\s+/).filter(Boolean);
  return words.length > 0 ? words.map((w) => `${[...w][0]!.toUpperCase()}.`).join('') : null;
}

/** Who may read a petition without its follow-up code: anyone, once it is answered, if the sender agreed. */
export const isPublic = (p: { publish: boolean; status: string }) => p.publish && p.status === 'answered';
