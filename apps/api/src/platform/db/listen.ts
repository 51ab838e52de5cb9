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
    let client: pg.PoolClient | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;

    const connect = async (isRetry: boolean): Promise<void> => {
      try {
        const c = await pool.connect();
        c.on('notification', (n) => {
          if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
        });
        c.on('error', (err) => {
          log.warn({ err, channel }, 'LISTEN connection lost; reconnecting');
          c.release(err);
          if (client === c) client = undefined;
          schedule();
        });
        await c.query(`LISTEN ${channel}`);
        if (stopped) return c.release();
        client = c;
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
      const c = client;
      client = undefined;
      if (!c) return;
      try {
        await c.query(`UNLISTEN ${channel}`);
      } finally {
        c.release();
      }
    };
  };
}
