import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AnswerFeedback, AskRequest, AskResponse, AssistantLogEntry, PrecheckRequest, PrecheckResponse, Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { listAnswerLog, rateAnswer } from './assistant.repo.ts';
import { ask, precheckFiles } from './assistant.service.ts';

const limited = (max: number) => ({
  max,
  timeWindow: '1 minute',
  errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) => new DomainError('rate_limited', 'rate_limited', `Too many questions; try again in ${c.after}.`),
});

/** Questions from the public (portal, kiosk): answers without signing in; dossier answers for owners only. */
export function assistantRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/assistant/ask',
    {
      schema: {
        operationId: 'askAssistant',
        tags: ['assistant'],
        summary: 'Answer a question from the catalog (with citations), or say honestly that nothing matches',
        body: AskRequest.omit({ dossier: true }),
        response: { 200: AskResponse, 400: Problem, 429: Problem },
      },
      config: { rateLimit: limited(60) },
    },
    async (request) => ask(ctx, request.body, request.actor),
  );

  app.post(
    '/api/v1/assistant/dossier-questions',
    {
      schema: {
        operationId: 'askAssistantAboutDossier',
        tags: ['assistant'],
        summary: 'Status, step, deadline and what is expected, for a signed-in owner or with the dossier code and the last 4 phone digits',
        body: AskRequest,
        response: { 200: AskResponse, 400: Problem, 404: Problem, 429: Problem },
      },
      config: { rateLimit: limited(10) },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ask(ctx, request.body, request.actor);
    },
  );

  app.post(
    '/api/v1/assistant/precheck',
    {
      schema: {
        operationId: 'precheckDocuments',
        tags: ['assistant'],
        summary: 'Check attached files (names, counts, types) against a procedure checklist and list what is missing',
        body: PrecheckRequest,
        response: { 200: PrecheckResponse, 400: Problem, 404: Problem },
      },
    },
    async (request) => precheckFiles(ctx, request.body),
  );

  app.post(
    '/api/v1/assistant/answers/:id/feedback',
    {
      schema: {
        operationId: 'rateAssistantAnswer',
        tags: ['assistant'],
        summary: 'Thumbs up or down for one answer',
        params: z.object({ id: z.uuid() }),
        body: AnswerFeedback,
        response: { 204: z.null(), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      if (!(await rateAnswer(ctx.db, request.params.id, request.body.helpful, ctx.clock.now()))) throw notFound('assistant.answer_not_found', 'No such answer.');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/assistant/answers',
    {
      schema: {
        operationId: 'listAssistantAnswers',
        tags: ['assistant'],
        summary: 'Quality log of answers (no personal data), newest first; province admins and center directors',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0), rated: z.enum(['1', '0']).optional() }),
        response: { 200: z.object({ items: z.array(AssistantLogEntry), total: z.number().int() }), 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.role !== 'province_admin' && actor.role !== 'director') throw forbidden('assistant.log_forbidden', 'Only province admins and center directors review the assistant log.');
      return listAnswerLog(ctx.db, { limit: request.query.limit, offset: request.query.offset, ratedOnly: request.query.rated === '1' });
    },
  );
}
