import { z } from 'zod';
import { Problem, ResyncResult, SyncDashboard, SyncFailure, SyncPeriod, SyncReconciliation, SyncRetryResult, SyncTarget, Webhook, WebhookCreate, WebhookCreated } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { dashboard, failures, recentReconciliations, resync, retry, runReconciliation } from './sync.service.ts';
import { createWebhook, listWebhooks, removeWebhook } from './webhooks.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };
const security: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];
const tags = ['sync'];
const targetQuery = z.object({ target: SyncTarget.default('portal') });

/** The province administrator's view of the sync with the national portal and partner systems. */
export function syncRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/sync/dashboard',
    {
      schema: {
        operationId: 'syncDashboard',
        tags,
        summary: 'Per center: backlog, failures and lag (p50/p99, change → acknowledgement, last 24 h) of one target (province admin)',
        security,
        querystring: targetQuery,
        response: { 200: SyncDashboard, ...errors },
      },
    },
    async (request) => dashboard(ctx, requireActor(request), request.query.target),
  );

  app.get(
    '/api/v1/sync/centers/:centerId/failures',
    {
      schema: {
        operationId: 'syncCenterFailures',
        tags,
        summary: "A center's changes that failed or were set aside, with the target system's error (province admin)",
        security,
        params: z.object({ centerId: z.uuid() }),
        querystring: targetQuery,
        response: { 200: z.object({ items: z.array(SyncFailure) }), ...errors },
      },
    },
    async (request) => ({ items: await failures(ctx, requireActor(request), request.params.centerId, request.query.target) }),
  );

  app.post(
    '/api/v1/sync/centers/:centerId/retry',
    {
      schema: {
        operationId: 'syncRetryCenter',
        tags,
        summary: "Put a center's failed and set-aside changes back in line now (province admin)",
        security,
        params: z.object({ centerId: z.uuid() }),
        querystring: targetQuery,
        response: { 200: SyncRetryResult, ...errors },
      },
    },
    async (request) => retry(ctx, requireActor(request), request.params.centerId, request.query.target),
  );

  app.post(
    '/api/v1/sync/reconciliations',
    {
      schema: {
        operationId: 'syncReconcile',
        tags,
        summary: 'Compare what the portal holds with our dossiers changed in a period and list every difference (province admin)',
        security,
        body: SyncPeriod,
        response: { 201: SyncReconciliation, ...errors, 503: Problem },
      },
    },
    async (request, reply) => reply.status(201).send(await runReconciliation(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/sync/reconciliations',
    {
      schema: {
        operationId: 'syncReconciliations',
        tags,
        summary: 'The latest reconciliations of the province (province admin)',
        security,
        response: { 200: z.object({ items: z.array(SyncReconciliation) }), ...errors },
      },
    },
    async (request) => ({ items: await recentReconciliations(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/v1/sync/resync',
    {
      schema: {
        operationId: 'syncResyncPeriod',
        tags,
        summary: 'Send every dossier changed in a period to the portal again, as it is now (province admin)',
        security,
        body: SyncPeriod,
        response: { 202: ResyncResult, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await resync(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/sync/webhooks',
    { schema: { operationId: 'listWebhooks', tags, summary: "The province's webhook subscriptions (province admin)", security, response: { 200: z.object({ items: z.array(Webhook) }), ...errors } } },
    async (request) => ({ items: await listWebhooks(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/v1/sync/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: "Register an integrator's URL for the province's dossier events, signed with HMAC-SHA256 (x-motcua-signature: sha256=hex of `${x-motcua-timestamp}.${body}`)",
        security,
        body: WebhookCreate,
        response: { 201: WebhookCreated, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createWebhook(ctx, requireActor(request), request.body)),
  );

  app.delete(
    '/api/v1/sync/webhooks/:id',
    { schema: { operationId: 'removeWebhook', tags, summary: 'Stop a webhook subscription (province admin)', security, params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeWebhook(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
