import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { backoffMs, claimDue, markDone, markFailed, type OutboxMessage } from './outbox.ts';

export type OutboxHandler = (msg: OutboxMessage) => Promise<void>;

export type OutboxWorkerOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
};

/**
 * Delivers outbox messages to the handler registered for their topic.
 * Runs inside the API process by default, or alone via `npm run worker`.
 */
export class OutboxWorker {
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly o: Required<OutboxWorkerOptions>;

  constructor(options: OutboxWorkerOptions) {
    this.o = {
      batchSize: 20,
      pollMs: 1000,
      leaseMs: 60_000,
      backoffBaseMs: 2000,
      backoffCapMs: 15 * 60_000,
      ...options,
    };
  }

  register(topic: string, handler: OutboxHandler): this {
    if (this.handlers.has(topic)) throw new Error(`outbox: a handler for ${topic} is already registered`);
    this.handlers.set(topic, handler);
    return this;
  }

  /** Processes one batch of due messages; returns how many it took. Tests call this directly. */
  async runOnce(): Promise<number> {
    const { db, clock, log } = this.o;
    const batch = await claimDue(db, clock.now(), this.o.batchSize, this.o.leaseMs);
    for (const msg of batch) {
      const handler = this.handlers.get(msg.topic);
      try {
        if (!handler) throw new Error(`no handler registered for topic ${msg.topic}`);
        await handler(msg);
        await markDone(db, msg.id, clock.now());
      } catch (err) {
        const now = clock.now();
        const retryAt = new Date(now.getTime() + backoffMs(msg.attempts, this.o.backoffBaseMs, this.o.backoffCapMs));
        const text = err instanceof Error ? err.message : String(err);
        const outcome = await markFailed(db, msg, text, now, retryAt);
        if (outcome === 'dead') {
          log.error({ outbox: msg.id, topic: msg.topic, attempts: msg.attempts, err: text }, 'outbox message dead-lettered');
        } else {
          log.warn({ outbox: msg.id, topic: msg.topic, attempts: msg.attempts, retryAt, err: text }, 'outbox delivery failed');
        }
      }
    }
    return batch.length;
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
      took = await this.runOnce();
    } catch (err) {
      // Database unavailable or similar: keep polling, the next tick retries.
      this.o.log.warn({ err }, 'outbox poll failed');
    }
    if (!this.stopped) this.schedule(took >= this.o.batchSize ? 0 : this.o.pollMs);
  }
}
