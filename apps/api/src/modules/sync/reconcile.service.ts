import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { DomainError } from '../../platform/errors.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import { PORTAL_SYNC_TOPIC, type DossierChange } from '../dossier/index.ts';
import { verifyPath } from '../results/index.ts';
import { queryRecords } from './portal-client.ts';
import { portalTarget } from './portal.handler.ts';
import { recordDifferences, toPortalRecord, type PortalRecord } from './portal-mapping.ts';
import { dossierIdsChangedIn, loadSnapshots } from './portal.repo.ts';
import { syncReconciliations, type Difference } from './sync.tables.ts';

export type Period = { provinceCode: string; from: Date; to: Date };
export type Reconciliation = { id: string; provinceCode: string; from: Date; to: Date; ranAt: Date; checked: number; differences: Difference[] };

const QUERY_CHUNK = 500;
const resultUrl = (ctx: AppContext) => (code: string) => `${ctx.config.publicOrigin ?? `http://127.0.0.1:${ctx.config.port}`}${verifyPath(code)}`;

/**
 * Compares what the portal holds with what we hold for every dossier of the province changed in the
 * period, lists each difference (missing on the portal, an older version, different fields) and keeps
 * the result. Dossiers whose changes are still in the outbox are reported too: "not yet there" is a
 * difference the dashboard should show.
 */
export async function reconcile(ctx: AppContext, p: Period): Promise<Reconciliation> {
  const ids = await dossierIdsChangedIn(ctx.db, p.provinceCode, p.from, p.to);
  const differences: Difference[] = [];
  const target = portalTarget(ctx);
  for (let i = 0; i < ids.length; i += QUERY_CHUNK) {
    const snapshots = await loadSnapshots(ctx.db, ids.slice(i, i + QUERY_CHUNK), resultUrl(ctx), { latestSeq: true });
    const ours = [...snapshots.values()].filter((s) => s.latestSeq > 0);
    const theirs = new Map((await portalHolds(target, ours.map((s) => s.code))).map((r) => [r.MaHoSo, r]));
    for (const s of ours) {
      const mine = toPortalRecord(s, s.latestSeq);
      const held: PortalRecord | undefined = theirs.get(s.code);
      if (!held) differences.push({ dossierId: s.id, code: s.code, kind: 'missing' });
      else if (held.PhienBan < mine.PhienBan) differences.push({ dossierId: s.id, code: s.code, kind: 'stale', ours: mine.PhienBan, portal: held.PhienBan });
      else {
        const fields = recordDifferences(mine, held);
        if (fields.length > 0) differences.push({ dossierId: s.id, code: s.code, kind: 'mismatch', fields, ours: pick(mine, fields), portal: pick(held, fields) });
      }
    }
  }
  const run: Reconciliation = { id: ctx.ids.next(), provinceCode: p.provinceCode, from: p.from, to: p.to, ranAt: ctx.clock.now(), checked: ids.length, differences };
  await ctx.db.insert(syncReconciliations).values({ id: run.id, provinceCode: run.provinceCode, periodFrom: run.from, periodTo: run.to, ranAt: run.ranAt, checked: run.checked, differences });
  return run;
}

async function portalHolds(target: Parameters<typeof queryRecords>[0], codes: string[]): Promise<PortalRecord[]> {
  try {
    return await queryRecords(target, codes);
  } catch (err) {
    throw new DomainError('unavailable', 'sync.portal_unavailable', `The portal cannot be reached to compare: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function pick(r: PortalRecord, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, r[f as keyof PortalRecord]]));
}

/**
 * "Resync period": pushes every dossier of the province changed in the period again, as its
 * current record at its latest version, behind any change still waiting for it (same ordering key).
 * One resync per dossier and run: the key carries the run's id.
 */
export async function resyncPeriod(ctx: AppContext, p: Period): Promise<{ enqueued: number }> {
  const runId = ctx.ids.next();
  const rows = rowsOf<{ id: string; seq: number; to_state: string }>(
    await ctx.db.execute(sql`
      select distinct on (d.id) d.id, e.seq, e.to_state from dossiers d join dossier_events e on e.dossier_id = d.id
      where d.province_code = ${p.provinceCode} and d.updated_at >= ${p.from} and d.updated_at < ${p.to}
      order by d.id, e.seq desc`),
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    for (const r of rows) {
      const change: DossierChange = { dossierId: r.id, seq: Number(r.seq), at: now.toISOString(), action: 'resync', fromState: r.to_state, toState: r.to_state, data: {} };
      await enqueueInTx(tx, ctx, { topic: PORTAL_SYNC_TOPIC, payload: change, idempotencyKey: `${r.id}:${r.seq}:resync:${runId}`, orderingKey: r.id, maxAttempts: 1_000_000 });
    }
  });
  ctx.wakeOutbox();
  return { enqueued: rows.length };
}
