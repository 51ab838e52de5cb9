import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { registerProblemHandlers, sendNotFound } from './problem.ts';
import './request.ts';

export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** A domain module's HTTP face: it registers its own routes (and hooks) on the shared app. */
export type HttpModule = { name: string; register(app: ZodApp, ctx: AppContext): void | Promise<void> };

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

const REQUEST_ID = /^[\w.:-]{1,64}$/;

export async function buildApp(
  ctx: AppContext,
  modules: HttpModule[],
  opts: { webDist?: string | null; defaultMetrics?: boolean } = {},
): Promise<ZodApp> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    requestIdHeader: false,
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
    // Plain-HTTP LAN deployments in communes must keep working; HSTS belongs to the TLS proxy.
    strictTransportSecurity: false,
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
  registerMetrics(app, { defaultMetrics: opts.defaultMetrics ?? true });
  registerHealth(app, ctx);
  for (const m of modules) await m.register(app, ctx);

  const dist = opts.webDist === undefined ? defaultWebDist : opts.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: ['index.html'] });
  }
  return app;
}

/** Unknown API paths get a 404 problem; any other GET gets the SPA so client-side routes survive a reload. */
function notFoundOrSpa(dist: string | null) {
  const index = dist ? path.join(dist, 'index.html') : null;
  return (request: FastifyRequest, reply: FastifyReply) => {
    const p = request.url.split('?')[0] ?? '';
    const isApi = p.startsWith('/api') || p === '/metrics';
    if (!isApi && index && request.method === 'GET' && fs.existsSync(index) && !path.extname(p)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(index));
    }
    return sendNotFound(request, reply);
  };
}
