import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Ids } from '../../platform/ids.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import { appendEvent } from './dossier.repo.ts';

/** Who did it: a person, or the system (automatic assignment, scheduled drafts). */
export type EventActor = Pick<Actor, 'userId' | 'role'> | { userId: null; role: 'system' };

/** Outbox topic of dossier changes for the National Public Service Portal (delivered by the sync module). */
export const PORTAL_SYNC_TOPIC = 'portal.sync';

/** Outbox topic of the changes a citizen is told about (delivered by the notify module). */
export const NOTIFY_TOPIC = 'notify.dossier';
const CITIZEN_ACTIONS = new Set(['submit_online', 'receive', 'accept', 'refuse', 'request_supplement', 'request_payment', 'finish', 'record_payment', 'apologize']);

/** One recorded change, as the sync module receives it; it reads the dossier's current record itself. */
export type DossierChange = { dossierId: string; seq: number; at: string; action: string; fromState: string | null; toState: string; data: Record<string, unknown> };

/**
 * The one way any change is recorded: the next link of the dossier's hash chain, and in the same
 * transaction a portal-sync message (ordered per dossier, one per change: key `${dossierId}:${seq}`).
 */
export async function recordEvent(
  tx: Db,
  ids: Ids,
  e: { dossierId: string; at: Date; actor: EventActor; action: string; fromState: string | null; toState: string; reason?: string | null; data?: Record<string, unknown> },
) {
  const link = await appendEvent(tx, ids.next(), {
    dossierId: e.dossierId,
    at: e.at.toISOString(),
    actorId: e.actor.userId,
    actorRole: e.actor.role,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    reason: e.reason ?? null,
    data: e.data ?? {},
  });
  const change: DossierChange = { dossierId: e.dossierId, seq: link.seq, at: e.at.toISOString(), action: e.action, fromState: e.fromState, toState: e.toState, data: e.data ?? {} };
  // The sync handler applies the configurable dead-letter limit (MOTCUA_SYNC_MAX_ATTEMPTS) itself.
  await enqueueInTx(tx, { clock: { now: () => e.at }, ids }, { topic: PORTAL_SYNC_TOPIC, payload: change, idempotencyKey: `${e.dossierId}:${link.seq}`, orderingKey: e.dossierId, maxAttempts: 1_000_000 });
  if (CITIZEN_ACTIONS.has(e.action)) await enqueueInTx(tx, { clock: { now: () => e.at }, ids }, { topic: NOTIFY_TOPIC, payload: change, idempotencyKey: `${e.dossierId}:${link.seq}` });
  return link;
}
