import type { ListedDossier } from './dossier-api.ts';
import { planActions } from './action-plan.ts';

export const SHOWS = ['all', 'act', 'late', 'due_today', 'at_risk', 'supplement', 'results'] as const;
export type Show = (typeof SHOWS)[number];

export function isShow(value: string | null): value is Show {
  return SHOWS.some((s) => s === value);
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Pure: does a listed dossier belong to a filter? */
export function matchesShow(d: ListedDossier, show: Show): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'act':
      return planActions(d.allowedActions).primary !== null;
    case 'late':
    case 'due_today':
    case 'at_risk':
      return d.badge === show;
    case 'supplement':
      return d.status === 'supplement_requested';
    case 'results':
      return d.step === 'approved' || d.status === 'awaiting_payment' || d.status === 'finished';
  }
}

/** Code, applicant name (without accents too) or citizen ID, as the officer types it. */
export function matchesText(d: ListedDossier, text: string): boolean {
  const q = fold(text.trim());
  if (!q) return true;
  return fold(d.code).includes(q) || fold(d.applicant.fullName).includes(q) || d.applicant.idNumber.includes(q) || fold(d.procedureName).includes(q);
}
