import sse from '@fastify/sse';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Problem, type QueueEvent } from '@motcua/contracts';
import type { ZodApp } from '../../platform/http/app.ts';
import { notFound } from '../../platform/errors.ts';
import { boardSnapshot } from './counters.service.ts';
import type { QueueDeps } from './queue.deps.ts';
import { eventsAfter, findCenterRow } from './queue.repo.ts';

/** A display that was away longer than this many events gets a fresh snapshot instead of a replay. */
const MAX_REPLAY = 300;
/** How soon a display reconnects after the server went away (server restart, network loss). */
const RETRY_MS = 2000;

const Params = z.object({ centerId: z.uuid() });

/**
 * The live board of a center over server-sent events. Each event's `id` is the center's event seq;
 * a browser reconnecting with Last-Event-ID gets every event it missed, then the live stream.
 */
export async function registerQueueEvents(app: ZodApp, deps: QueueDeps): Promise<void> {
  await app.register(sse, { heartbeatInterval: 15_000 });
  const open = new Set<FastifyReply>();
  // Streams never end on their own; without this a shutdown would wait for every TV to hang up.
  app.addHook('preClose', async () => {
    for (const reply of open) reply.sse.close();
  });

  app.get(
    '/api/v1/queue/centers/:centerId/events',
    {
      sse: { kind: 'only' },
      schema: {
        operationId: 'queueEvents',
        tags: ['queue'],
        summary: 'Live board of a center (text/event-stream; public). Events: `snapshot` then `queue`; resumes after Last-Event-ID',
        params: Params,
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const { centerId } = request.params;
      if (!(await findCenterRow(deps.ctx.db, centerId))) throw notFound('queue.center_not_found', 'No such center.');
      reply.sse.keepAlive();
      open.add(reply);

      let sent = -1;
      let live = false;
      const pending: QueueEvent[] = [];
      const write = (event: QueueEvent) => {
        if (event.seq <= sent || !reply.sse.isConnected) return;
        sent = event.seq;
        // Headers went out with the first message; live events are one pre-built frame per event.
        reply.raw.write(frameOf(event));
      };
      const sub = await deps.feed.subscribe(centerId, (event) => (live ? write(event) : pending.push(event)));
      reply.sse.onClose(() => {
        sub.unsubscribe();
        open.delete(reply);
      });

      try {
        const last = parseSeq(reply.sse.lastEventId);
        const missed = last !== null && last <= sub.fromSeq ? await eventsAfter(deps.ctx.db, centerId, last, MAX_REPLAY + 1) : null;
        if (missed && missed.length <= MAX_REPLAY) {
          await reply.sse.send({ data: undefined, retry: RETRY_MS });
          sent = last!;
          for (const event of missed) write(event);
        } else {
          const snapshot = await boardSnapshot(deps, centerId);
          await reply.sse.send({ id: String(snapshot.seq), event: 'snapshot', data: snapshot, retry: RETRY_MS });
          sent = snapshot.seq;
        }
        live = true;
        for (const event of pending) write(event);
      } catch (err) {
        // The display hung up while we were reading its catch-up: nothing left to do.
        if (reply.sse.isConnected) throw err;
      }
    },
  );
}

// The same event object goes to every display of a center: build its SSE frame once.
const frames = new WeakMap<QueueEvent, string>();
function frameOf(event: QueueEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = `id: ${event.seq}\nevent: queue\ndata: ${JSON.stringify(event)}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

function parseSeq(value: string | null): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}
