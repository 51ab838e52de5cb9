import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '@motcua/contracts';
import { DomainError, type ErrorKind, type FieldError } from '../errors.ts';

const statusOf: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  business_rule: 422,
  rate_limited: 429,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; instance?: string; requestId?: string } = {},
): Problem {
  return {
    type: `urn:motcua:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

function send(reply: FastifyReply, request: FastifyRequest, p: Problem, details?: Record<string, unknown>) {
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send({ ...p, ...details, instance: request.url.split('?')[0], requestId: String(request.id) });
}

/** Maps every failure to RFC 9457 problem details; internals (stacks, SQL) stay in the log. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, request, reply) => {
    if (err instanceof DomainError) {
      const status = statusOf[err.kind];
      // Our side failed (storage full, a dependency down): the operator needs the underlying cause.
      if (status >= 500) request.log.error({ err, cause: err.cause }, err.message);
      return send(reply, request, problem(status, err.code, err.message, err.extra.errors ? { errors: err.extra.errors } : {}), err.extra.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const errors = err.validation.map((v) => ({
        path: [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return send(reply, request, problem(400, 'validation_failed', 'The request has invalid or missing fields.', { errors }));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response failed its own schema');
      return send(reply, request, problem(500, 'internal_error', 'Something went wrong on our side; it has been logged.'));
    }
    const fe = err as FastifyError;
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code =
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError
          ? 'invalid_json'
          : status === 429
            ? 'rate_limited'
            : (fe.code ?? `http_${status}`).toLowerCase().replace(/^fst_err_/, '');
      const detail = code === 'invalid_json' ? 'The request body is not valid JSON.' : fe.message;
      return send(reply, request, problem(status, code, detail));
    }
    request.log.error({ err }, 'unhandled error');
    const unavailable = isDatabaseDown(err);
    return send(
      reply,
      request,
      unavailable
        ? problem(503, 'unavailable', 'The database is not reachable; please retry shortly.')
        : problem(500, 'internal_error', 'Something went wrong on our side; it has been logged.'),
    );
  });
}

const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);
// node-postgres reports a lost or unusable connection with these messages and no code.
const DOWN_MESSAGE = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/;

/**
 * The database is unreachable (stopped, restarting, failing over, out of connections). The driver's
 * error is usually wrapped (drizzle's DrizzleQueryError), so the whole `cause` chain is read.
 */
function isDatabaseDown(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (DOWN_CODES.has(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && DOWN_MESSAGE.test(e.message)) return true;
  }
  return false;
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, problem(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
}
