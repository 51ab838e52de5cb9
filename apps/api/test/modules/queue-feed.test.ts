import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '@motcua/contracts';
import { QueueFeed } from '../../src/modules/queue/queue.feed.ts';

// The bus alone, over an in-memory event log standing in for queue_events: what it must guarantee
// when commits publish out of order (the database path is covered in queue-sse.test.ts).
const event = (seq: number): QueueEvent => ({ seq, type: 'issued', at: '2026-11-23T02:00:00.000Z', call: null, counterNumber: null, waiting: {}, notice: null });

function setup(committed: number) {
  const log = Array.from({ length: committed }, (_, i) => event(i + 1));
  const errors: unknown[] = [];
  const feed = new QueueFeed(
    {
      eventsAfter: async (_c, after, limit) => log.filter((e) => e.seq > after).slice(0, limit),
      lastSeq: async () => log.length,
    },
    (err) => errors.push(err),
  );
  return { log, feed, errors };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('queue feed (in-process bus)', () => {
  it('hands events to listeners in seq order, once each, filling a gap from the log', async () => {
    const { log, feed, errors } = setup(3);
    const seen: number[] = [];
    const sub = await feed.subscribe('c1', (e) => seen.push(e.seq));
    expect(sub.fromSeq).toBe(3);
    log.push(event(4), event(5), event(6));
    // Commit 6 publishes before 4 and 5, and 5 arrives twice (local publish and NOTIFY).
    feed.publish('c1', event(6));
    feed.publish('c1', event(5));
    feed.publish('c1', event(4));
    feed.publish('c1', event(5));
    await settle();
    expect(seen).toEqual([4, 5, 6]);
    expect(errors).toEqual([]);
  });

  it('a center nobody watches costs nothing; the last listener leaving closes the channel', async () => {
    const { feed } = setup(0);
    feed.publish('nobody', event(1));
    const sub = await feed.subscribe('c1', () => {});
    expect(feed.connections).toBe(1);
    sub.unsubscribe();
    expect(feed.connections).toBe(0);
  });

  it('refuses a subscription when the board cannot be read, and recovers on the next try', async () => {
    let fail = true;
    const feed = new QueueFeed({ eventsAfter: async () => [], lastSeq: async () => (fail ? Promise.reject(new Error('db down')) : 7) }, () => {});
    await expect(feed.subscribe('c1', () => {})).rejects.toThrow('cannot read the board');
    fail = false;
    expect((await feed.subscribe('c1', () => {})).fromSeq).toBe(7);
  });
});
