import fs from 'node:fs';
import path from 'node:path';
import { apiRoot } from '../paths.ts';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { registerCsrfGuard } from './csrf.ts';
import { registerHealth } from './health.ts';
import { registerMetrics } from './metrics.ts';
import { registerNulGuard } from './nul-guard.ts';
import { registerProblemHandlers, sendNotFound } from './problem.ts';
import './request.ts';

export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** A domain module's HTTP face: it registers its own routes (and hooks) on the shared app. */
export type HttpModule = { name: string; register(app: ZodApp, ctx: AppContext): void | Promise<void> };

export const defaultWebDist = path.resolve(apiRoot, '../web/dist');

const REQUEST_ID = /^[\w.:-]{1,64}$/;

export async function buildApp(
  ctx: AppContext,
  modules: HttpModule[],
  opts: { webDist?: string | null; defaultMetrics?: boolean } = {},
): Promise<ZodApp> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    requestIdHeader: false,
    // Behind nginx or a load balancer the client's address comes from X-Forwarded-For, but only
    // when the connection is from a configured proxy (otherwise anyone could pick their address).
    trustProxy: ctx.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : ctx.ids.next();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  registerProblemHandlers(app);
  app.setNotFoundHandler(notFoundOrSpa(opts.webDist === undefined ? defaultWebDist : opts.webDist));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.schema?.operationId) {
      throw new Error(`route ${route.method} ${route.url} has no operationId`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
    // Plain-HTTP LAN deployments in communes must keep working: HSTS only when the public address is
    // https (MOTCUA_PUBLIC_ORIGIN), i.e. TLS ends at our proxy. Browsers ignore it over plain HTTP anyway.
    strictTransportSecurity: ctx.config.publicOrigin?.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Motcua API',
        version: '0.1.0',
        description: 'API of Motcua, the one-stop platform for Public Administrative Service Centers. Errors are RFC 9457 problem details.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerCsrfGuard(app, ctx.config.publicOrigin);
  registerNulGuard(app);
  registerMetrics(app, { defaultMetrics: opts.defaultMetrics ?? true });
  registerHealth(app, ctx);
  for (const m of modules) await m.register(app, ctx);

  const dist = opts.webDist === undefined ? defaultWebDist : opts.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: ['index.html'] });
  }
  return app;
}

/** A missing static file stays a 404; page paths may contain dots (dossier codes such as /tra-cuu/H46.01-261123-0001). */
const ASSET = /\.(?:m?js|css|map|json|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|txt|xml|webmanifest|mp3|ogg|wav|pdf|wasm)$/i;

/** Unknown API paths get a 404 problem; any other GET gets the SPA so client-side routes survive a reload. */
function notFoundOrSpa(dist: string | null) {
  const index = dist ? path.join(dist, 'index.html') : null;
  return (request: FastifyRequest, reply: FastifyReply) => {
    const p = request.url.split('?')[0] ?? '';
    const isApi = p.startsWith('/api') || p === '/metrics';
    if (!isApi && index && request.method === 'GET' && fs.existsSync(index) && !ASSET.test(p)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(index));
    }
    return sendNotFound(request, reply);
  };
}
