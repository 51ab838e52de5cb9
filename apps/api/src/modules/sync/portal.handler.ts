import type { AppContext } from '../../platform/context.ts';
import type { OutboxMessage } from '../../platform/outbox/outbox.ts';
import { PermanentDeliveryError, type OutboxBatchHandler } from '../../platform/outbox/worker.ts';
import type { DossierChange } from '../dossier/index.ts';
import { verifyPath } from '../results/index.ts';
import { pushChanges, type PortalTarget } from './portal-client.ts';
import { toPortalChange, type PortalChange } from './portal-mapping.ts';
import { queueDeadLetterAlerts } from './dead-letters.service.ts';
import { fanOut } from './fanout.ts';
import { loadSnapshots } from './portal.repo.ts';
import { addCounters, recordAcks, type Acked } from './sync-acks.repo.ts';
import type { SyncTarget } from './sync.tables.ts';

/** Changes per HTTP call to the portal. */
export const PORTAL_CHUNK = 250;

export function portalTarget(ctx: AppContext): PortalTarget {
  if (!ctx.config.portalUrl) throw new Error('MOTCUA_PORTAL_URL is not set: no portal to deliver to');
  return { url: ctx.config.portalUrl, token: ctx.config.portalToken, timeoutMs: ctx.config.sync.timeoutMs };
}

const origin = (ctx: AppContext) => ctx.config.publicOrigin ?? `http://127.0.0.1:${ctx.config.port}`;

/**
 * Delivers a batch of dossier changes to the portal (one call per chunk) and records what it
 * acknowledged. A change the portal rejects, or one that has failed MOTCUA_SYNC_MAX_ATTEMPTS times,
 * is dead-lettered (the dashboard shows the portal's error; "retry" puts it back in line).
 */
export function portalHandler(ctx: AppContext): OutboxBatchHandler {
  return async (msgs) => {
    const target = portalTarget(ctx);
    const changes = msgs.map((m) => m.payload as DossierChange);
    const snapshots = await loadSnapshots(ctx.db, [...new Set(changes.map((c) => c.dossierId))], (code) => `${origin(ctx)}${verifyPath(code)}`);
    const outcomes: (Error | null)[] = msgs.map(() => null);
    const pushes: { i: number; change: PortalChange; c: DossierChange }[] = [];
    msgs.forEach((_, i) => {
      const c = changes[i]!;
      const s = snapshots.get(c.dossierId);
      if (!s) outcomes[i] = new PermanentDeliveryError(`dossier ${c.dossierId} no longer exists`);
      else pushes.push({ i, change: toPortalChange(s, c, msgs[i]!.idempotencyKey), c });
    });
    // Sector results and webhooks are derived here, before the portal is tried, so a portal outage
    // does not hold them back (they wait only behind earlier changes of the same dossier).
    await fanOut(ctx, pushes.map((p) => ({ change: p.c, snapshot: snapshots.get(p.c.dossierId)! })));
    const acked: Acked[] = [];
    for (let from = 0; from < pushes.length; from += PORTAL_CHUNK) {
      const chunk = pushes.slice(from, from + PORTAL_CHUNK);
      let acks: Awaited<ReturnType<typeof pushChanges>>;
      try {
        acks = await pushChanges(target, chunk.map((p) => p.change));
      } catch (err) {
        for (const p of chunk) outcomes[p.i] = err instanceof Error ? err : new Error(String(err));
        continue;
      }
      for (const p of chunk) {
        const ack = acks.get(p.change.key);
        if (!ack) outcomes[p.i] = new Error('the portal did not acknowledge this change');
        else if (ack.result === 'rejected') outcomes[p.i] = new PermanentDeliveryError(`portal rejected the record: ${ack.error ?? 'no reason given'}`);
        else {
          const s = snapshots.get(p.c.dossierId)!;
          acked.push({ dossierId: s.id, seq: p.c.seq, provinceCode: s.provinceCode, centerId: s.centerId, changedAt: new Date(p.c.at), portalStatus: p.change.record.TrangThaiHoSo });
        }
      }
    }
    await recordAcks(ctx.db, 'portal', acked, ctx.clock.now());
    return finalOutcomes(ctx, msgs, outcomes, 'portal');
  };
}

/**
 * Turns failures past the configured attempt limit into dead letters, counts failures and dead
 * letters for /metrics and queues the dead-letter alerts (shared with the sector and webhook handlers).
 */
export async function finalOutcomes(ctx: AppContext, msgs: OutboxMessage[], outcomes: (Error | null)[], target: SyncTarget): Promise<(Error | null)[]> {
  let failures = 0;
  const dead: { dossierId: string; error: string }[] = [];
  const final = outcomes.map((err, i) => {
    if (!err) return null;
    failures++;
    let giveUp = err instanceof PermanentDeliveryError ? err : null;
    if (!giveUp && msgs[i]!.attempts >= ctx.config.sync.maxAttempts) giveUp = new PermanentDeliveryError(`gave up after ${msgs[i]!.attempts} attempts: ${err.message}`);
    if (!giveUp) return err;
    dead.push({ dossierId: (msgs[i]!.payload as { dossierId: string }).dossierId, error: giveUp.message });
    return giveUp;
  });
  await addCounters(ctx.db, target, [
    ['failures', failures],
    ['dead_letters', dead.length],
  ]);
  // A log line and a counter reach no one at night: tell the people who can act (issue 8).
  await queueDeadLetterAlerts(ctx, target, dead);
  return final;
}
