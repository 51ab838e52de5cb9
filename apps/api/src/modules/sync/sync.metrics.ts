import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { backlogByTopic, targetTopics } from './dashboard.repo.ts';
import { bucketName, LAG_BUCKETS } from './sync-acks.repo.ts';
import { syncTargets } from './sync.tables.ts';

type Value = { labels: Record<string, string | number>; value: number; metricName?: string | undefined };
type Collected = { name: string; help: string; type: 'gauge' | 'counter' | 'histogram'; values: Value[]; aggregator: 'sum' };

/**
 * Sync metrics read from the database at scrape time, so they are the same whichever process (API or
 * a separate worker) delivered the changes: the lag histogram and failure counters accumulate in
 * `sync_counters`, the backlog is counted in the outbox.
 */
export function registerSyncMetrics(registry: Registry, ctx: AppContext): void {
  const read = async () => {
    const rows = rowsOf<{ target: string; name: string; value: number }>(await ctx.db.execute(sql`select target, name, value from sync_counters`));
    return { counters: new Map(rows.map((r) => [`${r.target}/${r.name}`, Number(r.value)])), backlog: await backlogByTopic(ctx.db) };
  };
  const metric = (name: string, help: string, type: Collected['type'], values: (c: Awaited<ReturnType<typeof read>>) => Value[]) => ({
    name,
    help,
    type,
    aggregator: 'sum' as const,
    get: async (): Promise<Collected> => ({ name, help, type, aggregator: 'sum', values: values(await read()) }),
  });
  const perTarget = (c: Awaited<ReturnType<typeof read>>, counter: string) => syncTargets.map((target) => ({ labels: { target }, value: c.counters.get(`${target}/${counter}`) ?? 0 }));

  registry.registerMetric(
    metric('motcua_sync_lag_seconds', 'Time from a dossier change to its acknowledgement by the target system', 'histogram', (c) =>
      syncTargets.flatMap((target): Value[] => {
        const get = (n: string) => c.counters.get(`${target}/${n}`) ?? 0;
        return [
          ...LAG_BUCKETS.map((le) => ({ metricName: 'motcua_sync_lag_seconds_bucket', labels: { target, le }, value: get(bucketName(le)) })),
          { metricName: 'motcua_sync_lag_seconds_bucket', labels: { target, le: '+Inf' }, value: get('lag_count') },
          { metricName: 'motcua_sync_lag_seconds_sum', labels: { target }, value: get('lag_sum') },
          { metricName: 'motcua_sync_lag_seconds_count', labels: { target }, value: get('lag_count') },
        ];
      }),
    ) as never,
  );
  registry.registerMetric(
    metric('motcua_sync_backlog', 'Changes waiting to be delivered (pending or in flight), per target', 'gauge', (c) =>
      syncTargets.map((target) => ({ labels: { target }, value: c.backlog.get(targetTopics[target])?.waiting ?? 0 })),
    ) as never,
  );
  registry.registerMetric(
    metric('motcua_sync_dead_letters', 'Changes set aside after a rejection or too many failures, waiting for a retry', 'gauge', (c) =>
      syncTargets.map((target) => ({ labels: { target }, value: c.backlog.get(targetTopics[target])?.dead ?? 0 })),
    ) as never,
  );
  registry.registerMetric(metric('motcua_sync_failures_total', 'Failed delivery attempts, per target', 'counter', (c) => perTarget(c, 'failures')) as never);
  registry.registerMetric(metric('motcua_sync_dead_lettered_total', 'Changes dead-lettered, per target (alert on any increase)', 'counter', (c) => perTarget(c, 'dead_letters')) as never);
}
