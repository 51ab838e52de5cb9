import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/request.ts';

/** The signed-in citizen, or 401 (not signed in) / 403 (a staff session). */
export function requireCitizen(request: { actor: Actor | null }): Actor {
  const actor = requireActor(request);
  if (actor.role !== 'citizen') throw forbidden('citizen.only', 'This is for citizens signed in to the portal.');
  return actor;
}
