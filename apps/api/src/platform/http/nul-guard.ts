import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';

/** True when a string anywhere in a parsed value (not in raw file bytes) holds a NUL character. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Uint8Array) return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || hasNul(v, depth + 1)) return true;
  return false;
}

/**
 * PostgreSQL cannot store NUL in text or jsonb and fails the query, which would surface as a 500.
 * No field of ours may hold it, so a NUL anywhere in the path, query or JSON body is a 400 up front.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body)) {
      throw new DomainError('validation', 'invalid_characters', 'The request contains a NUL character.');
    }
  });
}
