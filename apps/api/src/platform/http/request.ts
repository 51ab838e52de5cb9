import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';

export const SESSION_COOKIE = 'motcua_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth module's hook when a valid session cookie or bearer token came with the request. */
    actor: Actor | null;
  }
}

/** The signed-in actor, or a 401 problem. Route handlers call this first. */
export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first.');
  return request.actor;
}
