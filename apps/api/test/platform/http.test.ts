import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpModules } from '../../src/modules.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { openTestDb, startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ type: `urn:motcua:problem:${code}`, status, code });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  return body;
};

describe('one error body for every failure', () => {
  it('bad JSON is a 400 problem, not a crash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "a",' });
    expectProblem(res, 400, 'invalid_json');
  });

  it('wrong types are a 400 problem naming every bad field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 42, password: ['x'] } });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.password', 'body.username']);
  });

  it('a malformed id in the path is a 400 with the field path', async () => {
    const token = await t.login('phuxuan.motcua');
    const res = await t.app.inject({ url: '/api/v1/centers/not-a-uuid', headers: { authorization: `Bearer ${token}` } });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors[0].path).toBe('params.id');
  });

  it('an unknown API route is a 404 problem', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/no-such-thing' }), 404, 'route_not_found');
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/v1/provinces' }), 404, 'route_not_found');
  });

  it('a missing session is a 401 problem', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/me' }), 401, 'unauthenticated');
  });

  it('keeps a caller-supplied request id for tracing, and makes one otherwise', async () => {
    const res = await t.app.inject({ url: '/api/v1/provinces', headers: { 'x-request-id': 'kiosk-7.abc' } });
    expect(res.headers['x-request-id']).toBe('kiosk-7.abc');
    const other = await t.app.inject({ url: '/api/v1/provinces', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('operations endpoints', () => {
  it('health checks the database', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.kind });
  });

  it('health is a 503 problem when the database is gone', async () => {
    // An app whose database handle has been closed underneath it (no LISTEN connection to drain).
    const gone = await openTestDb();
    await gone.close();
    const { listen: _listen, ...rest } = t.ctx;
    const other = await buildApp({ ...rest, db: gone.db }, httpModules, { webDist: null, defaultMetrics: false });
    const res = await other.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('database_unavailable');
    await other.close();
  });

  it('OpenAPI lists every route with an operationId', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, operationId: op.operationId })),
    );
    const routes = ops.map((o) => o.route);
    for (const r of ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/me', 'GET /api/v1/provinces', 'GET /api/v1/provinces/{code}/communes', 'GET /api/v1/centers', 'GET /api/v1/centers/{id}', 'GET /api/health']) {
      expect(routes).toContain(r);
    }
    const ids = ops.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses to start with an API route that has no operationId', async () => {
    const bad = { name: 'bad', register: (app: TestApp['app']) => void app.get('/api/v1/undocumented', async () => ({})) };
    await expect(buildApp(t.ctx, [bad], { webDist: null, defaultMetrics: false })).rejects.toThrow(/no operationId/);
  });

  it('serves browsable API docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('exposes Prometheus request counts and latency histograms', async () => {
    await t.app.inject({ url: '/api/v1/provinces' });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/motcua_http_requests_total\{method="GET",route="\/api\/v1\/provinces",status="200"\} \d+/);
    expect(res.body).toContain('motcua_http_request_duration_seconds_bucket');
  });
});
