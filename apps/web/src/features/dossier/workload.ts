import type { ListedDossier } from './dossier-api.ts';

export type Officer = { id: string | null; ordinal: number; open: number; late: number; dueToday: number; atRisk: number };

/**
 * Pure: open dossiers per assignee (null = not yet assigned), busiest first, plus the dossiers that
 * need the director's eye: late, due today or at risk, in the server's soonest-deadline order.
 */
export function workloadOf(items: readonly ListedDossier[]): { officers: Officer[]; atRisk: ListedDossier[]; unassigned: ListedDossier[] } {
  const byId = new Map<string | null, Officer>();
  for (const d of items) {
    const o = byId.get(d.assigneeId) ?? { id: d.assigneeId, ordinal: 0, open: 0, late: 0, dueToday: 0, atRisk: 0 };
    o.open += 1;
    if (d.badge === 'late') o.late += 1;
    if (d.badge === 'due_today') o.dueToday += 1;
    if (d.badge === 'at_risk') o.atRisk += 1;
    byId.set(d.assigneeId, o);
  }
  // Ordinals follow the ids, not the load, so "officer 2" stays the same person as the numbers change.
  const ids = [...byId.keys()].filter((id): id is string => id !== null).sort();
  ids.forEach((id, i) => (byId.get(id)!.ordinal = i + 1));
  // Busiest first; the "not assigned" row always last, as it is not a person.
  const officers = [...byId.values()].sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.open - a.open || a.ordinal - b.ordinal);
  return {
    officers,
    atRisk: items.filter((d) => d.badge !== null),
    unassigned: items.filter((d) => d.assigneeId === null && d.status === 'received'),
  };
}
