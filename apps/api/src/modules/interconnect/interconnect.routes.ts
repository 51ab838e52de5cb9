import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { applyExternalOutcome } from '../dossier/index.ts';

export const AGENCY_SECRET_HEADER = 'x-motcua-agency-secret';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function interconnectRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/interconnect/agencies/:agency/callbacks',
    {
      schema: {
        operationId: 'agencyCallback',
        tags: ['interconnect'],
        summary: 'An external agency reports the outcome of its part of an interconnected dossier',
        params: z.object({ agency: z.enum(['police', 'social_insurance']) }),
        body: z.object({
          code: z.string().max(60),
          outcome: z.enum(['finished', 'refused']),
          reason: z.string().max(2000).optional(),
          resultRef: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ status: z.string(), changed: z.boolean() }), 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => {
      const given = request.headers[AGENCY_SECRET_HEADER];
      if (typeof given !== 'string' || !same(given, ctx.config.agencySecret)) {
        throw new DomainError('unauthenticated', 'interconnect.bad_secret', 'Unknown caller.');
      }
      return applyExternalOutcome(ctx, { agency: request.params.agency, ...request.body });
    },
  );
}
