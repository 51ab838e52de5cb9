import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { listStaff } from '../auth/index.ts';
import { recordEvent } from './dossier.events.ts';
import { openWorkload, updateIfVersion, type DossierRow } from './dossier.repo.ts';

/** Pure: the specialist with the least open work; ties go to the first by username, so it is repeatable. */
export function pickLeastLoaded(staff: { id: string; username: string }[], load: Map<string, number>): string | null {
  const sorted = [...staff].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.username.localeCompare(b.username));
  return sorted[0]?.id ?? null;
}

/**
 * Assigns a just-received dossier to the competent center's specialist with the least open work.
 * With no specialist the dossier stays "received" for a leader to assign by hand.
 */
export async function autoAssign(tx: Db, deps: Pick<AppContext, 'ids'>, row: DossierRow, now: Date): Promise<DossierRow> {
  const staff = await listStaff(tx, row.competentCenterId, 'specialist');
  const load = await openWorkload(tx, staff.map((s) => s.id));
  const assigneeId = pickLeastLoaded(staff, load);
  if (!assigneeId) return row;
  const updated = await updateIfVersion(tx, row.id, row.version, { status: 'processing', step: 'assigned', assigneeId, updatedAt: now });
  if (!updated) return row;
  await recordEvent(tx, deps.ids, {
    dossierId: row.id,
    at: now,
    actor: { userId: null, role: 'system' },
    action: 'assign',
    fromState: 'received',
    toState: 'processing:assigned',
    data: { assigneeId, openDossiers: load.get(assigneeId) ?? 0, automatic: true },
  });
  return updated;
}
