import type { SyncDeadLetter, SyncTarget } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { listProvinceAdmins, listStaff } from '../auth/index.ts';
import { notifyStaffInTx } from '../notify/index.ts';
import { acknowledgeDeadLetter, claimAlert, dossierPlace, deadLettersOf } from './dead-letters.repo.ts';
import { requireSyncAdmin } from './sync.policy.ts';

export const DEAD_LETTER_ALERT_TOPIC = 'sync.dead_letter_alert';
/** A dossier stuck on a failing partner would otherwise alert at every retry of every change. */
export const ALERT_EVERY_MS = 3_600_000;

type DeadLetterAlert = { dossierId: string; target: SyncTarget; error: string };

/**
 * Called by the delivery handlers with the changes they are setting aside: queues an alert per
 * dossier on the outbox, unless that dossier was alerted about within the hour.
 */
export async function queueDeadLetterAlerts(ctx: AppContext, target: SyncTarget, dead: { dossierId: string; error: string }[]): Promise<void> {
  if (dead.length === 0) return;
  const now = ctx.clock.now();
  // Sorted, so two workers claiming overlapping dossiers take the row locks in the same order.
  const byDossier = [...new Map(dead.map((d) => [d.dossierId, d])).values()].sort((a, b) => a.dossierId.localeCompare(b.dossierId));
  const queued = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const d of byDossier) {
      if (!(await claimAlert(tx, d.dossierId, now, ALERT_EVERY_MS))) continue;
      const payload: DeadLetterAlert = { dossierId: d.dossierId, target, error: d.error.slice(0, 300) };
      await enqueueInTx(tx, ctx, { topic: DEAD_LETTER_ALERT_TOPIC, idempotencyKey: `${d.dossierId}:${now.toISOString()}`, payload });
      n++;
    }
    return n;
  });
  if (queued > 0) ctx.wakeOutbox();
}

/**
 * Outbox handler: an in-app notice to the province's administrators (who can retry) and the
 * directors of the dossier's center (whose figures on the portal it is).
 */
export function deadLetterAlertHandler(ctx: AppContext): OutboxHandler {
  return async (msg) => {
    const a = msg.payload as DeadLetterAlert;
    const d = await dossierPlace(ctx.db, a.dossierId);
    // The change died because its dossier is gone: no one to tell about which dossier; the dashboard still lists nothing to retry.
    if (!d) return;
    const people = [...(await listProvinceAdmins(ctx.db, d.provinceCode)), ...(await listStaff(ctx.db, d.centerId, 'director'))];
    const link = `${ctx.config.publicOrigin ?? `http://localhost:${ctx.config.port}`}/province/sync`;
    await ctx.db.transaction((tx) =>
      notifyStaffInTx(tx, ctx, { key: `sync.dead_letter:${msg.idempotencyKey}`, template: 'sync.dead_letter', params: { code: d.code, target: a.target, error: a.error, link }, userIds: [...new Set(people.map((p) => p.id))], dossierId: a.dossierId }),
    );
  };
}

export async function deadLetters(ctx: AppContext, actor: Actor): Promise<SyncDeadLetter[]> {
  requireSyncAdmin(actor);
  return deadLettersOf(ctx.db, actor.provinceCode, 200);
}

/** "Seen": the dead letter leaves the list until it is retried and dies again. Another province's answers 404; a second "seen" changes nothing. */
export async function acknowledge(ctx: AppContext, actor: Actor, messageId: string): Promise<void> {
  requireSyncAdmin(actor);
  const [found] = await deadLettersOf(ctx.db, actor.provinceCode, 1, messageId);
  if (!found) throw notFound('sync.dead_letter_not_found', 'No such dead letter.');
  await acknowledgeDeadLetter(ctx.db, messageId, actor.userId, ctx.clock.now());
  ctx.log.info({ messageId, dossierId: found.dossierId, target: found.target, by: actor.userId }, 'sync dead letter acknowledged');
}
