import type { Timeline } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { toLocalIso } from '../calendar/index.ts';
import { userNames } from '../auth/index.ts';
import { visibleOr404 } from './dossier.access.ts';
import { firstBrokenStoredLink } from './dossier.chain.ts';
import { findDossier, listEvents } from './dossier.repo.ts';

/** The dossier's history as stored, with the hash chain re-checked on every read. */
export async function readTimeline(deps: Pick<AppContext, 'db'>, actor: Actor, dossierId: string): Promise<Timeline> {
  visibleOr404(actor, await findDossier(deps.db, dossierId));
  const events = await listEvents(deps.db, dossierId);
  const names = await userNames(deps.db, [...new Set(events.map((e) => e.actorId).filter((x): x is string => x !== null))]);
  const broken = firstBrokenStoredLink(events);
  return {
    events: events.map((e) => ({
      seq: e.seq,
      at: toLocalIso(e.at),
      actorId: e.actorId,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      actorRole: e.actorRole,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      data: (e.data ?? {}) as Record<string, unknown>,
      hash: e.hash,
    })),
    chainIntact: broken === null,
    brokenAtSeq: broken,
  };
}
