import { sql } from 'drizzle-orm';
import type { SyncCenterHealth, SyncFailure, SyncTarget } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';

/** Outbox topic per target system. */
export const targetTopics: Record<SyncTarget, string> = {
  portal: 'portal.sync',
  civil_status: 'sector.civil_status',
  household_business: 'sector.household_business',
  webhook: 'webhook.deliver',
};

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));

/**
 * Per center of the province: what is waiting, failing or set aside (from the outbox) and the lag
 * percentiles of what was acknowledged since `since` (from sync_acks).
 */
export async function centerHealth(db: Db, provinceCode: string, target: SyncTarget, since: Date): Promise<SyncCenterHealth[]> {
  const topic = targetTopics[target];
  const centers = rowsOf<{ id: string; name: string; agency_code: string }>(
    await db.execute(sql`select id, name, agency_code from centers where province_code = ${provinceCode} order by agency_code`),
  );
  const waiting = rowsOf<{ center_id: string; backlog: number; retrying: number; dead: number; oldest: unknown; last_error: string | null }>(
    await db.execute(sql`
      select d.center_id,
        count(*) filter (where m.status in ('pending', 'processing'))::int as backlog,
        count(*) filter (where m.status = 'pending' and m.attempts > 0)::int as retrying,
        count(*) filter (where m.status = 'dead')::int as dead,
        min(m.created_at) filter (where m.status in ('pending', 'processing')) as oldest,
        (array_agg(m.last_error order by m.next_attempt_at desc) filter (where m.last_error is not null))[1] as last_error
      from outbox_messages m join dossiers d on d.id = (m.payload->>'dossierId')::uuid
      where m.topic = ${topic} and m.status <> 'done' and d.province_code = ${provinceCode}
      group by d.center_id`),
  );
  const lags = rowsOf<{ center_id: string; n: number; p50: unknown; p99: unknown }>(
    await db.execute(sql`
      select center_id, count(*)::int as n,
        percentile_cont(0.5) within group (order by lag_ms) as p50,
        percentile_cont(0.99) within group (order by lag_ms) as p99
      from sync_acks where target = ${target} and province_code = ${provinceCode} and acked_at >= ${since}
      group by center_id`),
  );
  const w = new Map(waiting.map((r) => [r.center_id, r]));
  const l = new Map(lags.map((r) => [r.center_id, r]));
  return centers.map((c) => {
    const a = w.get(c.id);
    const b = l.get(c.id);
    return {
      centerId: c.id,
      name: c.name,
      agencyCode: c.agency_code,
      backlog: Number(a?.backlog ?? 0),
      retrying: Number(a?.retrying ?? 0),
      dead: Number(a?.dead ?? 0),
      oldestWaitingSince: iso(a?.oldest),
      lastError: a?.last_error ?? null,
      acked24h: Number(b?.n ?? 0),
      lagP50Ms: num(b?.p50),
      lagP99Ms: num(b?.p99),
    };
  });
}

/** Changes of one center whose last attempt failed (retrying) or that were set aside (dead). */
export async function centerFailures(db: Db, centerId: string, target: SyncTarget, limit: number): Promise<SyncFailure[]> {
  const rows = rowsOf<{ id: string; dossier_id: string | null; code: string | null; center_id: string | null; status: SyncFailure['status']; attempts: number; last_error: string | null; next_attempt_at: unknown; created_at: unknown }>(
    await db.execute(sql`
      select m.id, d.id as dossier_id, d.code, d.center_id, m.status, m.attempts, m.last_error, m.next_attempt_at, m.created_at
      from outbox_messages m join dossiers d on d.id = (m.payload->>'dossierId')::uuid
      where m.topic = ${targetTopics[target]} and d.center_id = ${centerId}
        and (m.status = 'dead' or (m.status in ('pending', 'processing') and m.attempts > 0))
      order by m.status = 'dead' desc, m.created_at
      limit ${limit}`),
  );
  return rows.map((r) => ({
    messageId: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.code,
    centerId: r.center_id,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    nextAttemptAt: r.status === 'dead' ? null : iso(r.next_attempt_at),
    changedAt: iso(r.created_at)!,
  }));
}

/**
 * The retry button: set-aside changes of the center go back in line with a fresh attempt count, and
 * changes waiting out a backoff are tried now. Order per dossier is unchanged (the outbox keeps it).
 */
export async function retryCenter(db: Db, centerId: string, target: SyncTarget, now: Date): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      update outbox_messages m
      set status = 'pending', next_attempt_at = ${now}, finished_at = null,
          attempts = case when m.status = 'dead' then 0 else m.attempts end
      from dossiers d
      where d.id = (m.payload->>'dossierId')::uuid and d.center_id = ${centerId} and m.topic = ${targetTopics[target]}
        and (m.status = 'dead' or (m.status = 'pending' and m.attempts > 0))
      returning m.id`),
  );
  return rows.length;
}

/** Messages not yet delivered, per target: the backlog gauge. */
export async function backlogByTopic(db: Db): Promise<Map<string, { waiting: number; dead: number }>> {
  const rows = rowsOf<{ topic: string; waiting: number; dead: number }>(
    await db.execute(sql`
      select topic, count(*) filter (where status in ('pending', 'processing'))::int as waiting, count(*) filter (where status = 'dead')::int as dead
      from outbox_messages where status <> 'done' group by topic`),
  );
  return new Map(rows.map((r) => [r.topic, { waiting: Number(r.waiting), dead: Number(r.dead) }]));
}
