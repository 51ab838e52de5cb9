import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { toLocalIso } from '../calendar/index.ts';
import { requireCitizen } from '../citizen/index.ts';
import { inbox, markRead, markStaffRead, staffInbox } from './notify.service.ts';

const InAppMessage = z.object({ id: z.uuid(), event: z.string(), dossierId: z.uuid().nullable(), body: z.string(), createdAt: z.string(), read: z.boolean() });
const DevMessage = z.object({ id: z.string(), channel: z.string(), to: z.string(), text: z.string(), at: z.string() });

function requireStaff(request: FastifyRequest) {
  const actor = requireActor(request);
  if (actor.role === 'citizen') throw forbidden('notify.staff_only', 'Staff notices are for staff accounts.');
  return actor;
}

export function notifyRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/citizen/notifications',
    {
      schema: { operationId: 'listMyNotifications', tags: ['citizen'], summary: 'My in-app messages, newest first', response: { 200: z.object({ items: z.array(InAppMessage) }), 401: Problem, 403: Problem } },
    },
    async (request) => {
      const me = requireCitizen(request);
      const rows = await inbox(ctx, me.userId);
      return { items: rows.map((r) => ({ id: r.id, event: r.event, dossierId: r.dossierId, body: r.body, createdAt: toLocalIso(r.createdAt), read: r.readAt !== null })) };
    },
  );

  app.post(
    '/api/v1/citizen/notifications/:id/read',
    {
      schema: { operationId: 'markNotificationRead', tags: ['citizen'], summary: 'Mark an in-app message as read', params: z.object({ id: z.uuid() }), response: { 204: z.null(), 401: Problem, 403: Problem, 404: Problem } },
    },
    async (request, reply) => {
      const me = requireCitizen(request);
      if (!(await markRead(ctx, me.userId, request.params.id))) throw notFound('notify.not_found', 'No such unread message.');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/staff/notifications',
    {
      schema: { operationId: 'listStaffNotifications', tags: ['notify'], summary: 'My in-app notices as staff (e.g. a change set aside by the portal sync), newest first', response: { 200: z.object({ items: z.array(InAppMessage) }), 401: Problem, 403: Problem } },
    },
    async (request) => {
      const me = requireStaff(request);
      const rows = await staffInbox(ctx, me.userId);
      return { items: rows.map((r) => ({ id: r.id, event: r.event, dossierId: r.dossierId, body: r.body, createdAt: toLocalIso(r.createdAt), read: r.readAt !== null })) };
    },
  );

  app.post(
    '/api/v1/staff/notifications/:id/read',
    {
      schema: { operationId: 'markStaffNotificationRead', tags: ['notify'], summary: 'Mark one of my in-app notices as read (staff)', params: z.object({ id: z.uuid() }), response: { 204: z.null(), 401: Problem, 403: Problem, 404: Problem } },
    },
    async (request, reply) => {
      const me = requireStaff(request);
      if (!(await markStaffRead(ctx, me.userId, request.params.id))) throw notFound('notify.not_found', 'No such unread notice.');
      return reply.status(204).send(null);
    },
  );

  // Development only: what the simulated SMS / e-mail gateway received (one-time codes included).
  if (ctx.config.env === 'production') return;
  app.get(
    '/api/v1/dev/messages',
    {
      schema: {
        operationId: 'devMessages',
        tags: ['dev'],
        summary: 'Development only: messages the simulated SMS / e-mail gateway received',
        querystring: z.object({ to: z.string().max(40).optional() }),
        response: { 200: z.object({ items: z.array(DevMessage) }), 503: Problem },
      },
    },
    async (request) => {
      const url = ctx.config.citizen.smsUrl;
      if (!url) throw new DomainError('unavailable', 'notify.no_gateway', 'No SMS gateway is configured.');
      const q = request.query.to ? `?to=${encodeURIComponent(request.query.to)}` : '';
      const res = await fetch(`${url}/admin/messages${q}`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new DomainError('unavailable', 'notify.gateway_unavailable', 'The SMS simulator did not answer.');
      const items = (await res.json()) as z.infer<typeof DevMessage>[];
      return { items: items.reverse().slice(0, 100).map(({ id, channel, to, text, at }) => ({ id, channel, to, text, at })) };
    },
  );
}
