import type { Logger } from 'pino';
import type pg from 'pg';

/**
 * LISTEN on a PostgreSQL channel over one dedicated pooled connection, reconnecting after a loss.
 * `onReconnect` runs once the channel is listened to again, so callers can re-read what they missed.
 * Returns a function that stops listening and gives the connection back.
 */
export type Listen = (channel: string, onMessage: (payload: string) => void, onReconnect?: () => void) => Promise<() => Promise<void>>;

export function pgListen(pool: pg.Pool, log: Logger): Listen {
  return async (channel, onMessage, onReconnect) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`listen: bad channel name ${channel}`);
    let client: { c: pg.PoolClient; release: (err?: Error) => void } | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;

    const connect = async (isRetry: boolean): Promise<void> => {
      try {
        const c = await pool.connect();
        let released = false;
        // The pool reuses this client after release: our handlers must go with it, or a later error on
        // the idle connection (say, its database dropped) would release it a second time and crash.
        const release = (err?: Error) => {
          if (released) return;
          released = true;
          c.off('notification', onNotification);
          c.off('error', onError);
          c.release(err);
        };
        const onNotification = (n: pg.Notification) => {
          if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
        };
        const onError = (err: Error) => {
          log.warn({ err, channel }, 'LISTEN connection lost; reconnecting');
          if (client?.c === c) client = undefined;
          release(err);
          schedule();
        };
        c.on('notification', onNotification);
        c.on('error', onError);
        try {
          await c.query(`LISTEN ${channel}`);
        } catch (err) {
          release(err as Error);
          throw err;
        }
        if (stopped) return release();
        client = { c, release };
        if (isRetry) onReconnect?.();
      } catch (err) {
        if (!isRetry) throw err;
        log.warn({ err, channel }, 'LISTEN reconnect failed; retrying');
        schedule();
      }
    };
    const schedule = () => {
      if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect(true)), 1000);
    };

    await connect(false);
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const held = client;
      client = undefined;
      if (!held) return;
      try {
        await held.c.query(`UNLISTEN ${channel}`);
      } finally {
        held.release();
      }
    };
  };
}
