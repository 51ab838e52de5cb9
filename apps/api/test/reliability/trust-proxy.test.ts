import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { MOTCUA_LOGIN_RATE_LIMIT: '3', MOTCUA_TRUST_PROXY: '127.0.0.1' } });
});
afterAll(() => t.close());

const wrongPassword = (remoteAddress: string, forwardedFor: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tuson.motcua', password: 'wrong' }, remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });

describe('behind a reverse proxy (MOTCUA_TRUST_PROXY)', () => {
  it('limits sign-in attempts per real client, so one client using up its limit does not lock out the whole center', async () => {
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await wrongPassword('127.0.0.1', '203.0.113.1')).statusCode);
    expect(first).toEqual([401, 401, 401, 429]);
    // Another counter PC behind the same proxy still gets its own attempts.
    expect((await wrongPassword('127.0.0.1', '203.0.113.2')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For from anyone but the configured proxy, so a client cannot dodge the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await wrongPassword('198.51.100.9', `203.0.113.${100 + i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('accepts true or proxy addresses, and rejects anything else at start', () => {
    expect(loadConfig({ MOTCUA_TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({ MOTCUA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ MOTCUA_TRUST_PROXY: 'nginx please' })).toThrow(/MOTCUA_TRUST_PROXY/);
  });
});
