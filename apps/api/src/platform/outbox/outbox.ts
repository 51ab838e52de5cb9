import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { rowsOf, type Db } from '../db/client.ts';
import type { Ids } from '../ids.ts';
import { outboxMessages } from './outbox.tables.ts';

export type OutboxMessage = {
  id: string;
  topic: string;
  payload: unknown;
  idempotencyKey: string;
  attempts: number;
};

export type EnqueueInput = {
  topic: string;
  payload: unknown;
  /** Same topic + key twice → stored once. Derive it from the change (e.g. `${dossierId}:${eventSeq}`). */
  idempotencyKey: string;
  orderingKey?: string;
  maxAttempts?: number;
};

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Writes a message inside the caller's transaction, so it exists exactly when the change commits.
 * Returns false when a message with the same topic and key was already there.
 */
export async function enqueueInTx(
  tx: Db,
  deps: { clock: Clock; ids: Ids },
  input: EnqueueInput,
): Promise<boolean> {
  const now = deps.clock.now();
  const inserted = await tx
    .insert(outboxMessages)
    .values({
      id: deps.ids.next(),
      topic: input.topic,
      payload: input.payload,
      idempotencyKey: input.idempotencyKey,
      orderingKey: input.orderingKey ?? null,
      maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: outboxMessages.id });
  return inserted.length > 0;
}

/** Exponential backoff: base, 2·base, 4·base … capped. Pure, so tests can state the schedule. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  // The exponent stops growing once past the cap: 0 × 2^1024 is NaN, an invalid retry date.
  return Math.min(capMs, baseMs * 2 ** Math.min(40, Math.max(0, attempt - 1)));
}

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED so several workers never take the same one.
 * A message whose ordering key has an older unfinished (or dead) message of the same topic waits
 * its turn, so one batch never holds two messages of one key and they may be handled concurrently;
 * a message left "processing" by a crashed worker is claimed again once its lease ends.
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  const lease = new Date(now.getTime() + leaseMs);
  // Two statements, each able to walk an index in order and stop at the limit: a single query with
  // "pending or expired lease" had to test every waiting message, ~1 s per claim in a 100k backlog.
  const expired = await claimWhere(db, sql`m.status = 'processing' and m.locked_until < ${now}`, sql`m.locked_until, m.id`, limit, lease);
  if (expired.length >= limit) return expired;
  const due = await claimWhere(db, sql`m.status = 'pending' and m.next_attempt_at <= ${now}`, sql`m.next_attempt_at, m.id`, limit - expired.length, lease);
  return [...expired, ...due];
}

async function claimWhere(db: Db, where: SQL, order: SQL, limit: number, lease: Date): Promise<OutboxMessage[]> {
  const rows = await db.execute(sql`
    update outbox_messages set status = 'processing', attempts = attempts + 1, locked_until = ${lease}
    where id in (
      select m.id from outbox_messages m
      where ${where}
        and (m.ordering_key is null or not exists (
          select 1 from outbox_messages o
          where o.topic = m.topic and o.ordering_key = m.ordering_key and o.status <> 'done'
            and (o.created_at, o.id) < (m.created_at, m.id)))
      order by ${order}
      limit ${limit}
      for update skip locked)
    returning id, topic, payload, idempotency_key, attempts`);
  return rowsOf(rows).map((r) => ({
    id: r.id as string,
    topic: r.topic as string,
    payload: r.payload,
    idempotencyKey: r.idempotency_key as string,
    attempts: Number(r.attempts),
  }));
}

export async function markDone(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'processing')));
}

/** Marks many delivered messages done in one statement (a batch that succeeded). */
export async function markDoneMany(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update outbox_messages set status = 'done', finished_at = ${now}, locked_until = null, last_error = null
    where id = any(${`{${ids.join(',')}}`}::uuid[]) and status = 'processing'`);
}

/** `permanent`: retrying cannot help (the partner rejected the content, or the handler's own limit is reached). */
export async function markFailed(
  db: Db,
  msg: OutboxMessage,
  error: string,
  now: Date,
  retryAt: Date,
  permanent = false,
): Promise<'retry' | 'dead'> {
  const rows = await db.execute(sql`
    update outbox_messages
    set status = case when attempts >= max_attempts or ${permanent} then 'dead' else 'pending' end,
        next_attempt_at = ${retryAt}, locked_until = null, last_error = ${error.slice(0, 2000)},
        finished_at = case when attempts >= max_attempts or ${permanent} then ${now}::timestamptz else null end
    where id = ${msg.id} and status = 'processing'
    returning status`);
  const status = rowsOf<{ status: string }>(rows)[0]?.status;
  return status === 'dead' ? 'dead' : 'retry';
}

/** Puts a dead-lettered message back in line (the admin's "retry" button). */
export async function requeueDead(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, finishedAt: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'dead')))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
