import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import type { SyncTarget } from './sync.tables.ts';

/** Upper bounds (seconds) of the lag histogram; the same in /metrics. */
export const LAG_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600] as const;

export type Acked = { dossierId: string; seq: number; provinceCode: string; centerId: string; changedAt: Date; portalStatus?: number };

const bucketName = (le: number) => `lag_le_${le}`;

/**
 * Records acknowledged changes in one transaction: the per-change ack rows (a repeated ack is a
 * no-op), the portal's per-dossier state (only ever moves forward) and the shared lag counters.
 */
export async function recordAcks(db: Db, target: SyncTarget, acked: Acked[], now: Date): Promise<void> {
  if (acked.length === 0) return;
  // One JSON parameter per statement: thousands of bound parameters cost more to plan than the rows to write.
  const rows = acked.map((a) => ({ d: a.dossierId, s: a.seq, p: a.provinceCode, c: a.centerId, at: a.changedAt.toISOString(), st: a.portalStatus ?? 0, lag: Math.max(0, now.getTime() - a.changedAt.getTime()) }));
  await db.transaction(async (tx) => {
    const inserted = await tx.execute(sql`
      insert into sync_acks (target, dossier_id, seq, province_code, center_id, changed_at, acked_at, lag_ms)
      select ${target}, r.d, r.s, r.p, r.c, r.at, ${now}::timestamptz, r.lag
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(d uuid, s int, p text, c uuid, at timestamptz, lag int)
      on conflict do nothing
      returning lag_ms`);
    const lags = rowsOf<{ lag_ms: number }>(inserted).map((r) => Number(r.lag_ms) / 1000);
    if (target === 'portal') {
      // The latest change per dossier, sorted, so two workers upserting overlapping dossiers lock rows in the same order.
      await tx.execute(sql`
        insert into sync_state (dossier_id, province_code, center_id, last_acked_seq, portal_status, changed_at, acked_at)
        select distinct on (r.d) r.d, r.p, r.c, r.s, r.st, r.at, ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(d uuid, s int, p text, c uuid, at timestamptz, st smallint)
        order by r.d, r.s desc
        on conflict (dossier_id) do update set last_acked_seq = excluded.last_acked_seq, portal_status = excluded.portal_status,
          changed_at = excluded.changed_at, acked_at = excluded.acked_at
        where sync_state.last_acked_seq < excluded.last_acked_seq`);
    }
    if (lags.length === 0) return;
    const counts: [string, number][] = [['lag_count', lags.length], ['lag_sum', lags.reduce((x, y) => x + y, 0)]];
    for (const le of LAG_BUCKETS) counts.push([bucketName(le), lags.filter((l) => l <= le).length]);
    await addCounters(tx, target, counts);
  });
}

/** Adds to shared counters (failures, dead letters, histogram buckets); rows are created on first use. */
export async function addCounters(db: Db, target: string, counts: [string, number][]): Promise<void> {
  const rows = counts.filter(([, v]) => v !== 0).map(([name, v]) => sql`(${target}, ${name}, ${v}::double precision)`);
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into sync_counters (target, name, value) values ${sql.join(rows, sql`, `)}
    on conflict (target, name) do update set value = sync_counters.value + excluded.value`);
}

export { bucketName };
