import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpModules } from '../../src/modules.ts';
import { pgListen } from '../../src/platform/db/listen.ts';
import { buildApp, type ZodApp } from '../../src/platform/http/app.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';
import { queueSteps } from './queue-support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON shapes from the stream
type Message = { id?: string; event?: string; data?: any; retry?: number };

/** A minimal EventSource over fetch: collects messages and waits for the ones a test expects. */
async function openStream(url: string, lastEventId?: string) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }, signal: controller.signal });
  const messages: Message[] = [];
  const pump = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const msg: Message = {};
          for (const line of buffer.slice(0, i).split('\n')) {
            const [field, ...rest] = line.split(': ');
            const v = rest.join(': ');
            if (field === 'id') msg.id = v;
            else if (field === 'event') msg.event = v;
            else if (field === 'data') msg.data = JSON.parse(v);
            else if (field === 'retry') msg.retry = Number(v);
          }
          buffer = buffer.slice(i + 2);
          if (msg.event) messages.push(msg);
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    res,
    messages,
    /** Waits until `n` messages have arrived (a display would have shown them). */
    async waitFor(n: number, ms = 5000): Promise<Message[]> {
      const until = performance.now() + ms;
      while (messages.length < n) {
        if (performance.now() > until) throw new Error(`timed out with ${messages.length}/${n} messages: ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return messages.slice(0, n);
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

let t: TestApp;
let base: string;
let q: ReturnType<typeof queueSteps>;
let center: { id: string; counters: { id: string; number: number }[] };
let g: Record<string, string>;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  q = queueSteps(t);
  center = await q.centerOf('phuxuan.motcua');
  g = await q.groups(center.id);
  token = await t.login('phuxuan.motcua');
  await q.open(token, center.counters[2]!.id, [g.B!]);
});
afterAll(() => t.close());

const events = () => `${base}/api/v1/queue/centers/${center.id}/events`;

async function callAndFinish(): Promise<string> {
  const ticket = (await q.callNext(token, center.counters[2]!.id)).json().ticket;
  await q.act(token, ticket.id, 'finish');
  return ticket.number;
}

describe('live board over server-sent events', () => {
  it('starts with a snapshot, then streams each issue and call with the waiting counts', async () => {
    const stream = await openStream(events());
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream');
    const [snapshot] = await stream.waitFor(1);
    expect(snapshot).toMatchObject({ event: 'snapshot', retry: 2000 });
    expect(snapshot!.data.groups.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(snapshot!.data.counters).toHaveLength(4);

    const ticket = (await q.take(center.id, { serviceGroupId: g.B })).json();
    await q.callNext(token, center.counters[2]!.id);
    const [, issued, called] = await stream.waitFor(3);
    expect(issued).toMatchObject({ event: 'queue', id: String(Number(snapshot!.id) + 1), data: { type: 'issued', waiting: { B: 1 } } });
    expect(called).toMatchObject({
      id: String(Number(snapshot!.id) + 2),
      data: { type: 'called', call: { number: ticket.number, counterNumber: 3 }, counterNumber: 3, waiting: { B: 0 } },
    });
    await q.act(token, ticket.id, 'finish');
    await stream.waitFor(4);
    await stream.close();
  });

  it('a display that reconnects with Last-Event-ID gets exactly the calls it missed, in order, then the live stream', async () => {
    const first = await openStream(events());
    const [snapshot] = await first.waitFor(1);
    await first.close();

    // While the display is away: two tickets, one called and finished.
    const a = (await q.take(center.id, { serviceGroupId: g.B })).json().number;
    await q.take(center.id, { serviceGroupId: g.B });
    expect(await callAndFinish()).toBe(a);

    const again = await openStream(events(), snapshot!.id);
    const missed = await again.waitFor(4);
    const s = Number(snapshot!.id);
    expect(missed.map((m) => `${m.id} ${m.data.type}`)).toEqual([`${s + 1} issued`, `${s + 2} issued`, `${s + 3} called`, `${s + 4} finished`]);
    expect(missed[2]!.data.call.number).toBe(a);

    await callAndFinish();
    const live = await again.waitFor(6);
    expect(live.slice(4).map((m) => m.id)).toEqual([String(s + 5), String(s + 6)]);
    await again.close();
  });

  it('an unknown or impossible Last-Event-ID gets a fresh snapshot instead', async () => {
    for (const id of ['not-a-number', '999999999']) {
      const stream = await openStream(events(), id);
      const [first] = await stream.waitFor(1);
      expect(first!.event).toBe('snapshot');
      await stream.close();
    }
  });

  it('an unknown center is a 404 problem, not a stream', async () => {
    const res = await fetch(`${base}/api/v1/queue/centers/01890000-0000-7000-8000-000000000000/events`, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('queue.center_not_found');
  });

  it('a call made through another API process reaches this process’s displays (NOTIFY on PostgreSQL; on PGlite, by replay)', async () => {
    // A second API process on the same database, with its own in-process feed.
    const otherCtx = { ...t.ctx, ...(t.database.pool ? { listen: pgListen(t.database.pool, pino({ level: 'silent' })) } : {}) };
    const other: ZodApp = await buildApp(otherCtx, httpModules, { webDist: null, defaultMetrics: false });
    try {
      const stream = await openStream(events());
      const [snapshot] = await stream.waitFor(1);
      const res = await other.inject({ method: 'POST', url: `/api/v1/queue/centers/${center.id}/tickets`, payload: { serviceGroupId: g.B }, remoteAddress: '10.77.0.1' });
      expect(res.statusCode).toBe(201);
      if (t.ctx.dbKind === 'postgres') {
        const [, event] = await stream.waitFor(2);
        expect(event).toMatchObject({ id: String(Number(snapshot!.id) + 1), data: { type: 'issued' } });
      } else {
        // PGlite runs in one process only; a display that reconnects still gets the event from the table.
        await stream.close();
        const again = await openStream(events(), snapshot!.id);
        const [event] = await again.waitFor(1);
        expect(event).toMatchObject({ id: String(Number(snapshot!.id) + 1), data: { type: 'issued' } });
        await again.close();
      }
      await stream.close();
    } finally {
      await other.close();
    }
  });
});
