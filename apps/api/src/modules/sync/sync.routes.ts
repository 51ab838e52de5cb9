import { z } from 'zod';
import { Problem, ResyncResult, SyncDashboard, SyncDeadLetter, SyncFailure, SyncPeriod, SyncReconciliation, SyncRetryResult, SyncTarget, Webhook, WebhookCreate, WebhookCreated } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { signedInOperations } from '../../platform/http/operations.ts';
import { requireActor } from '../../platform/http/request.ts';
import { acknowledge, deadLetters } from './dead-letters.service.ts';
import { dashboard, failures, recentReconciliations, resync, retry, runReconciliation } from './sync.service.ts';
import { createWebhook, listWebhooks, removeWebhook } from './webhooks.service.ts';

const operation = signedInOperations('sync', { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem });
const targetQuery = z.object({ target: SyncTarget.default('portal') });
const CenterParams = z.object({ centerId: z.uuid() });

/** The province administrator's view of the sync with the national portal and partner systems. */
export function syncRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/sync/dashboard',
    {
      schema: operation({
        operationId: 'syncDashboard',
        summary: 'Per center: backlog, failures and lag (p50/p99, change → acknowledgement, last 24 h) of one target (province admin)',
        querystring: targetQuery,
        response: { 200: SyncDashboard },
      }),
    },
    async (request) => dashboard(ctx, requireActor(request), request.query.target),
  );

  app.get(
    '/api/v1/sync/centers/:centerId/failures',
    {
      schema: operation({
        operationId: 'syncCenterFailures',
        summary: "A center's changes that failed or were set aside, with the target system's error (province admin)",
        params: CenterParams,
        querystring: targetQuery,
        response: { 200: z.object({ items: z.array(SyncFailure) }) },
      }),
    },
    async (request) => ({ items: await failures(ctx, requireActor(request), request.params.centerId, request.query.target) }),
  );

  app.post(
    '/api/v1/sync/centers/:centerId/retry',
    {
      schema: operation({
        operationId: 'syncRetryCenter',
        summary: "Put a center's failed and set-aside changes back in line now (province admin)",
        params: CenterParams,
        querystring: targetQuery,
        response: { 200: SyncRetryResult },
      }),
    },
    async (request) => retry(ctx, requireActor(request), request.params.centerId, request.query.target),
  );

  app.get(
    '/api/v1/sync/dead-letters',
    {
      schema: operation({
        operationId: 'syncDeadLetters',
        summary: 'Changes set aside for any target that no one has acknowledged since, newest first (province admin)',
        response: { 200: z.object({ items: z.array(SyncDeadLetter) }) },
      }),
    },
    async (request) => ({ items: await deadLetters(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/v1/sync/dead-letters/:id/ack',
    {
      schema: operation({
        operationId: 'syncAcknowledgeDeadLetter',
        summary: 'Say a dead letter has been seen: it leaves the list until it is retried and set aside again (province admin)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      }),
    },
    async (request, reply) => {
      await acknowledge(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/sync/reconciliations',
    {
      schema: operation({
        operationId: 'syncReconcile',
        summary: 'Compare what the portal holds with our dossiers changed in a period and list every difference (province admin)',
        body: SyncPeriod,
        response: { 201: SyncReconciliation, 503: Problem },
      }),
    },
    async (request, reply) => reply.status(201).send(await runReconciliation(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/sync/reconciliations',
    {
      schema: operation({
        operationId: 'syncReconciliations',
        summary: 'The latest reconciliations of the province (province admin)',
        response: { 200: z.object({ items: z.array(SyncReconciliation) }) },
      }),
    },
    async (request) => ({ items: await recentReconciliations(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/v1/sync/resync',
    {
      schema: operation({
        operationId: 'syncResyncPeriod',
        summary: 'Send every dossier changed in a period to the portal again, as it is now (province admin)',
        body: SyncPeriod,
        response: { 202: ResyncResult },
      }),
    },
    async (request, reply) => reply.status(202).send(await resync(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/sync/webhooks',
    { schema: operation({ operationId: 'listWebhooks', summary: "The province's webhook subscriptions (province admin)", response: { 200: z.object({ items: z.array(Webhook) }) } }) },
    async (request) => ({ items: await listWebhooks(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/v1/sync/webhooks',
    {
      schema: operation({
        operationId: 'createWebhook',
        summary: "Register an integrator's URL for the province's dossier events, signed with HMAC-SHA256 (x-motcua-signature: sha256=hex of `${x-motcua-timestamp}.${body}`)",
        body: WebhookCreate,
        response: { 201: WebhookCreated },
      }),
    },
    async (request, reply) => reply.status(201).send(await createWebhook(ctx, requireActor(request), request.body)),
  );

  app.delete(
    '/api/v1/sync/webhooks/:id',
    { schema: operation({ operationId: 'removeWebhook', summary: 'Stop a webhook subscription (province admin)', params: z.object({ id: z.uuid() }), response: { 204: z.null() } }) },
    async (request, reply) => {
      await removeWebhook(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
