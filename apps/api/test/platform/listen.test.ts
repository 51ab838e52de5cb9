import { EventEmitter } from 'node:events';
import type pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { pgListen } from '../../src/platform/db/listen.ts';

/**
 * A stand-in for pg's pool with its one strict rule: a client released twice throws, as pg-pool does.
 * A real dropped database cannot be staged on demand in both test modes, so the driver is doubled here.
 */
function strictPool() {
  const clients: (EventEmitter & { releases: number; queries: string[] })[] = [];
  const pool = {
    connect: async () => {
      const c = Object.assign(new EventEmitter(), {
        releases: 0,
        queries: [] as string[],
        query: async (sql: string) => void c.queries.push(sql),
        release: () => {
          if (c.releases > 0) throw new Error('Release called on client which has already been released to the pool.');
          c.releases++;
        },
      });
      // pg-pool keeps its own error listener on every client it holds.
      c.on('error', () => {});
      clients.push(c);
      return c;
    },
  };
  return { pool: pool as unknown as pg.Pool, clients };
}

const log = pino({ level: 'silent' });

describe('LISTEN connection', () => {
  it('gives its connection back once: an error on the idle connection after stop does not release it again', async () => {
    const { pool, clients } = strictPool();
    const got: string[] = [];
    const stop = await pgListen(pool, log)('queue_calls', (p) => got.push(p));
    clients[0]!.emit('notification', { channel: 'queue_calls', payload: 'A-001' });
    await stop();
    expect(clients[0]!.queries).toEqual(['LISTEN queue_calls', 'UNLISTEN queue_calls']);
    // The pool now owns the idle client; its database being dropped must not reach our handlers.
    expect(() => clients[0]!.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    clients[0]!.emit('notification', { channel: 'queue_calls', payload: 'A-002' });
    expect(got).toEqual(['A-001']);
    expect(clients[0]!.releases).toBe(1);
  });

  it('reconnects after losing its connection and tells the caller to catch up', async () => {
    const { pool, clients } = strictPool();
    let caughtUp = 0;
    const stop = await pgListen(pool, log)('queue_calls', () => {}, () => caughtUp++);
    clients[0]!.emit('error', new Error('connection lost'));
    clients[0]!.emit('error', new Error('connection lost again'));
    await expect.poll(() => caughtUp, { timeout: 5000 }).toBe(1);
    expect(clients[0]!.releases).toBe(1);
    expect(clients[1]!.queries).toEqual(['LISTEN queue_calls']);
    await stop();
    expect(clients[1]!.releases).toBe(1);
  });
});
