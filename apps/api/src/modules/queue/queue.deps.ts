import type { QueueEvent } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { QueueFeed } from './queue.feed.ts';

/** What the queue use cases need: the app context plus this process's live feed. */
export type QueueDeps = {
  ctx: AppContext;
  feed: QueueFeed;
  /** Identifies this API process in NOTIFY payloads, so it ignores its own echoes. */
  origin: string;
};

/** NOTIFY target for appendEvent: only PostgreSQL has other processes to tell. */
export const notifyOf = (deps: QueueDeps) => (deps.ctx.dbKind === 'postgres' ? { origin: deps.origin } : null);

/** After commit: hand the events to this process's displays. */
export function publishAll(deps: QueueDeps, centerId: string, events: QueueEvent[]): void {
  for (const e of events) deps.feed.publish(centerId, e);
}
