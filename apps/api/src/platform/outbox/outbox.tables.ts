import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const outboxStatuses = ['pending', 'processing', 'done', 'dead'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Messages written in the same transaction as the change that causes them, delivered after
 * commit by the worker. The idempotency key makes a second enqueue of the same change a no-op.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Messages with the same ordering key are delivered one at a time in creation order. */
    orderingKey: text('ordering_key'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.topic, t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt, t.id),
    // Finding an older unfinished message of the same ordering key stays an index probe (migration 0013).
    index('outbox_ordering_idx').on(t.topic, t.orderingKey, t.createdAt, t.id).where(sql`status <> 'done'`),
  ],
);
