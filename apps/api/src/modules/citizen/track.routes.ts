import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem, TrackRequest, TrackView } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { downloadByLink, track } from './track.service.ts';

/** Look-ups per client address per minute; the per-code lockout in the dossier module covers distributed guessing. */
export const TRACK_RATE_LIMIT = 20;

const rateLimited = {
  max: TRACK_RATE_LIMIT,
  timeWindow: '1 minute',
  errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) => new DomainError('rate_limited', 'rate_limited', `Too many look-ups; try again in ${c.after}.`),
};

export function trackRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/track',
    {
      schema: {
        operationId: 'trackDossier',
        tags: ['citizen'],
        summary: 'Public tracking: dossier code + last 4 digits of the phone or the secret on Form 01 (uniform 404 on any mismatch)',
        body: TrackRequest,
        response: { 200: TrackView, 400: Problem, 404: Problem, 429: Problem },
      },
      config: { rateLimit: rateLimited },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return track(ctx, request.body);
    },
  );

  app.get(
    '/api/v1/track/results/:code/pdf',
    {
      schema: {
        operationId: 'downloadTrackedResult',
        tags: ['citizen'],
        summary: 'The signed e-result PDF, through the short-lived link the tracking answer gives',
        params: z.object({ code: z.string().min(3).max(80) }),
        querystring: z.object({ t: z.string().min(3).max(100) }),
        response: { 200: z.any(), 404: Problem, 429: Problem },
      },
      config: { rateLimit: rateLimited },
    },
    async (request, reply) => {
      const { code, bytes } = await downloadByLink(ctx, request.params.code, request.query.t);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${code}.pdf"`).header('cache-control', 'private, no-store').send(Buffer.from(bytes));
    },
  );
}
