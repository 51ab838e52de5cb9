import type { Actor } from '../../platform/actor.ts';
import { forbidden, notFound } from '../../platform/errors.ts';

/** Sync health, retries, reconciliation and webhooks belong to the province administrator. */
export function requireSyncAdmin(actor: Actor): Actor {
  if (actor.role !== 'province_admin') throw forbidden('sync.forbidden', 'Only a province administrator manages the sync with the national portal.');
  return actor;
}

/** A center of another province answers exactly like a missing one. */
export function ownCenterOr404<T extends { provinceCode: string }>(actor: Actor, center: T | null): T {
  if (!center || center.provinceCode !== actor.provinceCode) throw notFound('sync.center_not_found', 'No such center.');
  return center;
}
