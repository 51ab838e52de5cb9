import type { Logger } from 'pino';

export type ScheduledJob = { name: string; everyMs: number; run(): Promise<unknown> };

/**
 * Runs periodic jobs (e.g. drafting apology letters) in the worker process. A run never overlaps
 * the previous one of the same job; jobs must be idempotent, as several processes may run them.
 */
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();

  constructor(private readonly log: Logger) {}

  start(jobs: ScheduledJob[]): void {
    for (const job of jobs) {
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        const p = job
          .run()
          .then((result) => this.log.debug({ job: job.name, result }, 'job ran'))
          .catch((err) => this.log.error({ job: job.name, err }, 'job failed'))
          .finally(() => {
            busy = false;
            this.running.delete(p);
          });
        this.running.add(p);
      };
      this.timers.push(setInterval(tick, job.everyMs));
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all(this.running);
  }
}
