import { and, desc, eq, sql } from 'drizzle-orm';
import type { SyncDashboard, SyncFailure, SyncReconciliation, SyncTarget } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { findCenter } from '../units/index.ts';
import { centerFailures, centerHealth, retryCenter } from './dashboard.repo.ts';
import { reconcile, resyncPeriod, type Reconciliation } from './reconcile.service.ts';
import { ownCenterOr404, requireSyncAdmin } from './sync.policy.ts';
import { syncReconciliations } from './sync.tables.ts';

const DAY = 86_400_000;

export async function dashboard(ctx: AppContext, actor: Actor, target: SyncTarget): Promise<SyncDashboard> {
  requireSyncAdmin(actor);
  const now = ctx.clock.now();
  return { target, generatedAt: now.toISOString(), centers: await centerHealth(ctx.db, actor.provinceCode, target, new Date(now.getTime() - DAY)) };
}

export async function failures(ctx: AppContext, actor: Actor, centerId: string, target: SyncTarget): Promise<SyncFailure[]> {
  requireSyncAdmin(actor);
  ownCenterOr404(actor, await findCenter(ctx.db, centerId));
  return centerFailures(ctx.db, centerId, target, 200);
}

export async function retry(ctx: AppContext, actor: Actor, centerId: string, target: SyncTarget): Promise<{ requeued: number }> {
  requireSyncAdmin(actor);
  ownCenterOr404(actor, await findCenter(ctx.db, centerId));
  const requeued = await ctx.db.transaction((tx) => retryCenter(tx, centerId, target, ctx.clock.now()));
  ctx.log.info({ centerId, target, requeued, by: actor.userId }, 'sync retry requested');
  if (requeued > 0) ctx.wakeOutbox();
  return { requeued };
}

export const toView = (r: Reconciliation): SyncReconciliation => ({
  id: r.id,
  from: r.from.toISOString(),
  to: r.to.toISOString(),
  ranAt: r.ranAt.toISOString(),
  checked: r.checked,
  differences: r.differences,
});

export async function runReconciliation(ctx: AppContext, actor: Actor, period: { from: string; to: string }): Promise<SyncReconciliation> {
  requireSyncAdmin(actor);
  return toView(await reconcile(ctx, { provinceCode: actor.provinceCode, from: new Date(period.from), to: new Date(period.to) }));
}

export async function recentReconciliations(ctx: AppContext, actor: Actor): Promise<SyncReconciliation[]> {
  requireSyncAdmin(actor);
  const rows = await ctx.db
    .select()
    .from(syncReconciliations)
    .where(and(eq(syncReconciliations.provinceCode, actor.provinceCode)))
    .orderBy(desc(syncReconciliations.ranAt))
    .limit(20);
  return rows.map((r) => toView({ id: r.id, provinceCode: r.provinceCode, from: r.periodFrom, to: r.periodTo, ranAt: r.ranAt, checked: r.checked, differences: r.differences }));
}

export async function resync(ctx: AppContext, actor: Actor, period: { from: string; to: string }): Promise<{ enqueued: number }> {
  requireSyncAdmin(actor);
  const out = await resyncPeriod(ctx, { provinceCode: actor.provinceCode, from: new Date(period.from), to: new Date(period.to) });
  ctx.log.info({ ...period, ...out, by: actor.userId }, 'portal resync of a period requested');
  return out;
}

/** The scheduled reconciliation: yesterday and today of every province that has dossiers. */
export async function reconcileRecent(ctx: AppContext): Promise<{ provinces: number; differences: number }> {
  if (!ctx.config.portalUrl) return { provinces: 0, differences: 0 };
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - 2 * DAY);
  const provinces = rowsOf<{ province_code: string }>(await ctx.db.execute(sql`select distinct province_code from dossiers where updated_at >= ${since}`)).map((r) => r.province_code);
  let differences = 0;
  let n = 0;
  for (const p of provinces) {
    const run = await reconcile(ctx, { provinceCode: p, from: since, to: now });
    differences += run.differences.length;
    n++;
    if (run.differences.length > 0) ctx.log.warn({ provinceCode: p, differences: run.differences.length, reconciliation: run.id }, 'portal reconciliation found differences');
  }
  return { provinces: n, differences };
}
