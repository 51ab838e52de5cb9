import type { HttpModule } from '../../platform/http/app.ts';
import { QueueFeed } from './queue.feed.ts';
import type { QueueDeps } from './queue.deps.ts';
import { boardRow, eventsAfter, NOTIFY_CHANNEL } from './queue.repo.ts';
import { queueRoutes } from './queue.routes.ts';
import { registerQueueEvents } from './queue.sse.ts';
import type { QueueEvent } from '@motcua/contracts';

export { PRIORITY_BURST } from './priority.ts';

/**
 * Queue numbers, counters and the live display board. Each API process keeps its own feed of
 * display connections; on PostgreSQL, NOTIFY carries every change to every process.
 */
export const queueModule: HttpModule = {
  name: 'queue',
  async register(app, ctx) {
    const feed = new QueueFeed(
      { eventsAfter: (centerId, after, limit) => eventsAfter(ctx.db, centerId, after, limit), lastSeq: async (centerId) => (await boardRow(ctx.db, centerId)).lastSeq },
      (err) => ctx.log.error({ err }, 'queue feed failed'),
    );
    const deps: QueueDeps = { ctx, feed, origin: ctx.ids.next() };
    queueRoutes(app, deps);
    await registerQueueEvents(app, deps);
    if (ctx.listen) {
      const stop = await ctx.listen(
        NOTIFY_CHANNEL,
        (payload) => {
          const msg = JSON.parse(payload) as { o: string; c: string; e: QueueEvent };
          if (msg.o !== deps.origin) feed.publish(msg.c, msg.e);
        },
        () => feed.resync(),
      );
      app.addHook('onClose', async () => stop());
    }
  },
};
