import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { backoffMs, claimDue, markDoneMany, markFailed, type OutboxMessage } from './outbox.ts';

export type OutboxHandler = (msg: OutboxMessage) => Promise<void>;
/**
 * Delivers several messages of one topic at once (e.g. one HTTP call for many portal records) and
 * answers per message: null = delivered, an error = that message failed. A thrown error fails them all.
 */
export type OutboxBatchHandler = (msgs: OutboxMessage[]) => Promise<(Error | null)[]>;

/**
 * A handler that can also take many messages at once; the worker uses the batch form. Its plain
 * form (one message) lets it sit in the same topic → handler table as every other handler.
 */
export function batchHandler(batch: OutboxBatchHandler): OutboxHandler & { batch: OutboxBatchHandler } {
  const single = async (msg: OutboxMessage) => {
    const [err] = await batch([msg]);
    if (err) throw err;
  };
  return Object.assign(single, { batch });
}

/** Thrown by a handler when retrying cannot help: the message is dead-lettered at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

export type OutboxWorkerOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  batchSize?: number;
  /** Messages of one batch handled at the same time (they never share an ordering key). */
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Refresh the planner's statistics of the outbox this often (PGlite has no autovacuum). 0 = never. */
  analyzeEveryMs?: number;
};

/**
 * Delivers outbox messages to the handler registered for their topic.
 * Runs inside the API process by default, or alone via `npm run worker`.
 */
export class OutboxWorker {
  private readonly handlers = new Map<string, OutboxHandler>();
  private readonly batchHandlers = new Map<string, OutboxBatchHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private analyzedAt = -Infinity;
  private readonly o: Required<OutboxWorkerOptions>;

  constructor(options: OutboxWorkerOptions) {
    this.o = {
      batchSize: 20,
      concurrency: 1,
      pollMs: 1000,
      leaseMs: 60_000,
      backoffBaseMs: 2000,
      backoffCapMs: 15 * 60_000,
      analyzeEveryMs: 5 * 60_000,
      ...options,
    };
  }

  register(topic: string, handler: OutboxHandler | (OutboxHandler & { batch: OutboxBatchHandler })): this {
    if ('batch' in handler) return this.registerBatch(topic, handler.batch);
    if (this.handlers.has(topic) || this.batchHandlers.has(topic)) throw new Error(`outbox: a handler for ${topic} is already registered`);
    this.handlers.set(topic, handler);
    return this;
  }

  registerBatch(topic: string, handler: OutboxBatchHandler): this {
    if (this.handlers.has(topic) || this.batchHandlers.has(topic)) throw new Error(`outbox: a handler for ${topic} is already registered`);
    this.batchHandlers.set(topic, handler);
    return this;
  }

  /** Processes one batch of due messages; returns how many it took. Tests call this directly. */
  async runOnce(): Promise<number> {
    const { db, clock } = this.o;
    const batch = await claimDue(db, clock.now(), this.o.batchSize, this.o.leaseMs);
    const done: string[] = [];
    const failed: { msg: OutboxMessage; err: unknown }[] = [];
    const settle = (msg: OutboxMessage, err: unknown) => (err ? failed.push({ msg, err }) : done.push(msg.id));

    const singles: OutboxMessage[] = [];
    const byTopic = new Map<string, OutboxMessage[]>();
    for (const msg of batch) {
      if (this.batchHandlers.has(msg.topic)) byTopic.set(msg.topic, [...(byTopic.get(msg.topic) ?? []), msg]);
      else singles.push(msg);
    }
    const work: (() => Promise<void>)[] = [];
    for (const [topic, msgs] of byTopic) {
      work.push(async () => {
        try {
          const outcomes = await this.batchHandlers.get(topic)!(msgs);
          msgs.forEach((m, i) => settle(m, outcomes[i] ?? null));
        } catch (err) {
          for (const m of msgs) settle(m, err);
        }
      });
    }
    for (const msg of singles) {
      work.push(async () => {
        const handler = this.handlers.get(msg.topic);
        try {
          if (!handler) throw new Error(`no handler registered for topic ${msg.topic}`);
          await handler(msg);
          settle(msg, null);
        } catch (err) {
          settle(msg, err);
        }
      });
    }
    await runLimited(work, this.o.concurrency);
    await markDoneMany(db, done, clock.now());
    for (const f of failed) await this.fail(f.msg, f.err);
    return batch.length;
  }

  private async fail(msg: OutboxMessage, err: unknown): Promise<void> {
    const now = this.o.clock.now();
    const retryAt = new Date(now.getTime() + backoffMs(msg.attempts, this.o.backoffBaseMs, this.o.backoffCapMs));
    const text = err instanceof Error ? err.message : String(err);
    const outcome = await markFailed(this.o.db, msg, text, now, retryAt, err instanceof PermanentDeliveryError);
    if (outcome === 'dead') {
      this.o.log.error({ outbox: msg.id, topic: msg.topic, attempts: msg.attempts, err: text, alert: 'dead_letter' }, 'outbox message dead-lettered');
    } else {
      this.o.log.warn({ outbox: msg.id, topic: msg.topic, attempts: msg.attempts, retryAt, err: text }, 'outbox delivery failed');
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Ask for a run soon, e.g. right after a commit that enqueued something. */
  wake(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }, ms);
  }

  private async loop(): Promise<void> {
    let took = 0;
    try {
      // Without fresh statistics the claim's plan reads and sorts the whole backlog instead of
      // walking the due index to its limit; PostgreSQL's autovacuum would do this, PGlite never does.
      if (this.o.analyzeEveryMs > 0 && performance.now() - this.analyzedAt > this.o.analyzeEveryMs) {
        this.analyzedAt = performance.now();
        await this.o.db.execute(sql`analyze outbox_messages`);
      }
      took = await this.runOnce();
    } catch (err) {
      // Database unavailable or similar: keep polling, the next tick retries.
      this.o.log.warn({ err }, 'outbox poll failed');
    }
    if (!this.stopped) this.schedule(took >= this.o.batchSize ? 0 : this.o.pollMs);
  }
}

/** Runs the tasks with at most `limit` in flight. */
async function runLimited(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, lane));
}
