import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Ids } from '../../platform/ids.ts';
import { appendEvent } from './dossier.repo.ts';

/** Who did it: a person, or the system (automatic assignment, scheduled drafts). */
export type EventActor = Pick<Actor, 'userId' | 'role'> | { userId: null; role: 'system' };

/** The one way any change is recorded: the next link of the dossier's hash chain. */
export function recordEvent(
  tx: Db,
  ids: Ids,
  e: { dossierId: string; at: Date; actor: EventActor; action: string; fromState: string | null; toState: string; reason?: string | null; data?: Record<string, unknown> },
) {
  return appendEvent(tx, ids.next(), {
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
}
