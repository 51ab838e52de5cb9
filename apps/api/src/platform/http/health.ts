import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ZodApp } from './app.ts';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.iso.datetime() });

/** Liveness plus a real round trip to the database, for load balancers and the start script. */
export function registerHealth(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/health',
    { schema: { operationId: 'getHealth', tags: ['platform'], summary: 'Service and database health', response: { 200: Health } } },
    async (request) => {
      try {
        await ctx.db.execute(sql`select 1`);
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        throw new DomainError('unavailable', 'database_unavailable', 'The database does not answer.');
      }
      return { status: 'ok' as const, database: ctx.dbKind, time: ctx.clock.now().toISOString() };
    },
  );
}
