import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/errors.ts';

/**
 * The catalog belongs to the deployment (one province in production), so any province
 * administrator maintains it; offerings are further limited to centers of the admin's province.
 */
export function requireCatalogAdmin(actor: Actor): Actor {
  if (actor.role !== 'province_admin') throw forbidden('catalog.forbidden', 'Only a province administrator may change the procedure catalog.');
  return actor;
}

/** Review flags name fields like `channels[counter,online]` or `documents`; this is the content key. */
export const topLevelField = (field: string) => field.split(/[.[]/)[0] ?? field;
