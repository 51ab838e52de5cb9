import { describe, expect, it } from 'vitest';
import { api, ApiError } from '../src/lib/api.ts';
import { problem, stubApi } from './helpers.tsx';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('api client', () => {
  it('turns a problem body into an ApiError carrying its code and field errors', async () => {
    const reply = problem(400, 'validation_failed', 'Invalid body');
    stubApi({ 'POST /api/v1/auth/login': { ...reply, body: { ...reply.body, errors: [{ path: 'username', message: 'Required' }] } } });
    const error = await failure(api.login({ username: 'x', password: 'y' }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.problem?.errors).toEqual([{ path: 'username', message: 'Required' }]);
  });

  it('still fails cleanly when a proxy answers without a problem body', async () => {
    stubApi({ 'GET /api/v1/me': { status: 502 } });
    const error = await failure(api.me());
    expect([error.status, error.code, error.isNetwork]).toEqual([502, 'http_502', false]);
  });

  it('reports an unreachable server as a network error', async () => {
    stubApi({ 'GET /api/v1/me': 'network-down' });
    expect((await failure(api.me())).isNetwork).toBe(true);
  });

  it('resolves a 204 sign-out without trying to read a body', async () => {
    stubApi({ 'POST /api/v1/auth/logout': { status: 204 } });
    await expect(api.logout()).resolves.toBeUndefined();
  });
});
