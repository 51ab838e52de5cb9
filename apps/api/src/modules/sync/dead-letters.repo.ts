import { sql } from 'drizzle-orm';
import type { SyncDeadLetter, SyncTarget } from '@motcua/contracts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { targetTopics } from './dashboard.repo.ts';
import { syncDeadLetterAcks } from './sync.tables.ts';

const topics = Object.values(targetTopics);
const topicList = `{${topics.join(',')}}`;
const targetOf = (topic: string) => (Object.keys(targetTopics) as SyncTarget[]).find((t) => targetTopics[t] === topic)!;

/**
 * Claims the right to alert about a dossier: true when none went out within `everyMs`. The
 * conditional upsert makes two workers dead-lettering the same dossier at once send one alert.
 */
export async function claimAlert(tx: Db, dossierId: string, now: Date, everyMs: number): Promise<boolean> {
  const rows = await tx.execute(sql`
    insert into sync_alerts (dossier_id, alerted_at) values (${dossierId}, ${now})
    on conflict (dossier_id) do update set alerted_at = excluded.alerted_at
    where sync_alerts.alerted_at <= ${new Date(now.getTime() - everyMs)}
    returning dossier_id`);
  return rowsOf(rows).length > 0;
}

/** Where a dossier belongs, for choosing who to alert; null when it no longer exists. */
export async function dossierPlace(db: Db, dossierId: string): Promise<{ code: string; provinceCode: string; centerId: string } | null> {
  const [d] = rowsOf<{ code: string; province_code: string; center_id: string }>(await db.execute(sql`select code, province_code, center_id from dossiers where id = ${dossierId}`));
  return d ? { code: d.code, provinceCode: d.province_code, centerId: d.center_id } : null;
}

type Row = { id: string; topic: string; attempts: number; last_error: string | null; finished_at: unknown; dossier_id: string; code: string; center_id: string; center_name: string };

/**
 * The province's dead letters of every target that no one acknowledged after their latest death,
 * newest first; or, with `messageId`, that one dead letter whether acknowledged or not.
 */
export async function deadLettersOf(db: Db, provinceCode: string, limit: number, messageId?: string): Promise<SyncDeadLetter[]> {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select m.id, m.topic, m.attempts, m.last_error, m.finished_at, d.id as dossier_id, d.code, d.center_id, c.name as center_name
      from outbox_messages m
      join dossiers d on d.id = (m.payload->>'dossierId')::uuid
      join centers c on c.id = d.center_id
      where m.status = 'dead' and m.topic = any(${topicList}::text[]) and d.province_code = ${provinceCode}
        and ${messageId ? sql`m.id = ${messageId}` : sql`not exists (select 1 from sync_dead_letter_acks a where a.message_id = m.id and a.acknowledged_at >= m.finished_at)`}
      order by m.finished_at desc, m.id
      limit ${limit}`),
  );
  return rows.map((r) => ({
    messageId: r.id,
    target: targetOf(r.topic),
    dossierId: r.dossier_id,
    dossierCode: r.code,
    centerId: r.center_id,
    centerName: r.center_name,
    error: r.last_error,
    attempts: Number(r.attempts),
    deadAt: r.finished_at ? new Date(r.finished_at as string).toISOString() : null,
  }));
}

export async function acknowledgeDeadLetter(db: Db, messageId: string, userId: string, now: Date): Promise<void> {
  await db
    .insert(syncDeadLetterAcks)
    .values({ messageId, acknowledgedBy: userId, acknowledgedAt: now })
    .onConflictDoUpdate({ target: syncDeadLetterAcks.messageId, set: { acknowledgedBy: userId, acknowledgedAt: now } });
}
