import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LoginRequest, LoginResponse, Me, Problem, Role } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor, SESSION_COOKIE } from '../../platform/http/request.ts';
import { canSeeCenter, findCenter, findProvince } from '../units/index.ts';
import { listCenterStaff } from './auth.repo.ts';
import { authenticate, login, logout, type ClientInfo } from './auth.service.ts';

const client = (r: FastifyRequest): ClientInfo => ({ ip: r.ip ?? null, userAgent: r.headers['user-agent']?.slice(0, 300) ?? null });

function tokenOf(r: FastifyRequest): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(r.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return r.cookies[SESSION_COOKIE] ?? null;
}

/** The httpOnly session cookie, as staff and citizen sign-ins set it. */
export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, hours = ctx.config.sessionHours): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: ctx.config.cookieSecure, path: '/', maxAge: hours * 3600 });
}

export function authRoutes(app: ZodApp, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const token = tokenOf(request);
    if (token && token.length <= 200) request.actor = await authenticate(ctx, token);
  });

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Start a session; sets an httpOnly cookie and returns a bearer token',
        body: LoginRequest,
        response: { 200: LoginResponse, 400: Problem, 401: Problem, 429: Problem },
      },
      config: {
        rateLimit: {
          max: ctx.config.loginRateLimit,
          timeWindow: '1 minute',
          errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) =>
            new DomainError('rate_limited', 'rate_limited', `Too many sign-in attempts; try again in ${c.after}.`),
        },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, client(request));
      setSessionCookie(ctx, reply, result.token);
      return result;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { operationId: 'logout', tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), 401: Problem } } },
    async (request, reply) => {
      await logout(ctx, requireActor(request), client(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { operationId: 'getMe', tags: ['auth'], summary: 'Who am I, my province and my center', response: { 200: Me, 401: Problem } } },
    async (request) => {
      const actor = requireActor(request);
      const [province, center] = await Promise.all([
        findProvince(ctx.db, actor.provinceCode),
        actor.centerId ? findCenter(ctx.db, actor.centerId) : null,
      ]);
      if (!province) throw new DomainError('not_found', 'units.province_not_found', 'Your province is not in the database.');
      return {
        user: { id: actor.userId, username: actor.username, fullName: actor.fullName, role: actor.role },
        province,
        center,
      };
    },
  );

  app.get(
    '/api/v1/centers/:id/staff',
    {
      schema: {
        operationId: 'listCenterStaff',
        tags: ['auth'],
        summary: "Active staff of a center (assignment pickers, workload view)",
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.array(z.object({ id: z.uuid(), username: z.string(), fullName: z.string(), role: Role })),
          401: Problem,
          404: Problem,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const center = await findCenter(ctx.db, request.params.id);
      if (!center || !canSeeCenter(actor, center)) throw new DomainError('not_found', 'units.center_not_found', 'No such center.');
      return listCenterStaff(ctx.db, center.id);
    },
  );
}
