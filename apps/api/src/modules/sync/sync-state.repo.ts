import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';

export type PortalSync = {
  dossierId: string;
  /** The portal holds the dossier's latest change. */
  synced: boolean;
  lastAckedSeq: number | null;
  latestSeq: number;
  ackedAt: Date | null;
};

/**
 * "Synced to the portal" per dossier, for reports: the portal has acknowledged the dossier's latest
 * event. Dossiers without events are left out.
 */
export async function portalSyncOf(db: Db, dossierIds: string[]): Promise<PortalSync[]> {
  if (dossierIds.length === 0) return [];
  const rows = rowsOf<{ dossier_id: string; latest: number; last_acked_seq: number | null; acked_at: string | Date | null }>(
    await db.execute(sql`
      select e.dossier_id, max(e.seq)::int as latest, s.last_acked_seq, s.acked_at
      from dossier_events e left join sync_state s on s.dossier_id = e.dossier_id
      where e.dossier_id = any(${`{${dossierIds.join(',')}}`}::uuid[])
      group by e.dossier_id, s.last_acked_seq, s.acked_at`),
  );
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    latestSeq: Number(r.latest),
    lastAckedSeq: r.last_acked_seq === null ? null : Number(r.last_acked_seq),
    synced: r.last_acked_seq !== null && Number(r.last_acked_seq) >= Number(r.latest),
    ackedAt: r.acked_at === null ? null : new Date(r.acked_at),
  }));
}
