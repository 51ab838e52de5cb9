import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { setSessionCookie } from '../auth/index.ts';
import { finishOidc, OIDC_COOKIE, startOidc } from './oidc.service.ts';

const origin = (ctx: AppContext, r: FastifyRequest) => ctx.config.publicOrigin ?? `${r.protocol}://${r.host}`;
const CALLBACK = '/api/v1/citizen/oidc/callback';

export function oidcRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/citizen/oidc',
    { schema: { operationId: 'citizenOidcInfo', tags: ['citizen'], summary: 'Whether sign-in with an electronic identity (OpenID Connect, VNeID style) is configured', response: { 200: z.object({ enabled: z.boolean() }) } } },
    async () => ({ enabled: ctx.config.citizen.oidc !== null }),
  );

  app.get(
    '/api/v1/citizen/oidc/start',
    {
      schema: { operationId: 'startCitizenOidc', tags: ['citizen'], summary: 'Redirect to the identity provider (authorization code + PKCE S256, state, nonce)', querystring: z.object({ next: z.string().max(300).default('/citizen/dossiers') }), response: { 404: Problem } },
    },
    async (request, reply) => {
      const { url, cookie } = await startOidc(ctx, `${origin(ctx, request)}${CALLBACK}`, request.query.next);
      reply.setCookie(OIDC_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: ctx.config.cookieSecure, path: '/api/v1/citizen/oidc', maxAge: 600 });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    CALLBACK,
    { schema: { operationId: 'finishCitizenOidc', tags: ['citizen'], summary: 'The provider sends the browser back here; on success a session starts and the browser goes on to where it was' } },
    async (request, reply) => {
      reply.clearCookie(OIDC_COOKIE, { path: '/api/v1/citizen/oidc' });
      try {
        const done = await finishOidc(ctx, new URL(request.url, origin(ctx, request)), request.cookies[OIDC_COOKIE], { ip: request.ip ?? null, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null });
        setSessionCookie(ctx, reply, done.token);
        return reply.redirect(done.next, 302);
      } catch (err) {
        ctx.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'oidc sign-in failed');
        return reply.redirect('/citizen/sign-in?error=oidc', 302);
      }
    },
  );
}
