import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKOUT_FAILURES, isLockedOut, LOCKOUT_FAILURES } from '../../src/modules/auth/auth.lockout.ts';
import { authEvents, users } from '../../src/modules/auth/auth.tables.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('staff login', () => {
  it('starts a session: httpOnly SameSite cookie plus a bearer token and the user', async () => {
    const res = await login('phuxuan.motcua', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'phuxuan.motcua', role: 'counter_officer', provinceCode: '46', fullName: 'Nguyễn Thị Mai' });
    expect(body.token.length).toBeGreaterThanOrEqual(40);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`motcua_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const viaBearer = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(viaBearer.json().center.name).toBe('Trung tâm Phục vụ hành chính công phường Phú Xuân');
    const viaCookie = await t.app.inject({ url: '/api/v1/me', cookies: { motcua_session: body.token } });
    expect(viaCookie.json().user.username).toBe('phuxuan.motcua');
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password with a 401 problem and records the failed attempt', async () => {
    const res = await login('ayun.motcua', 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(res.headers['set-cookie']).toBeUndefined();
    const events = await t.database.db
      .select()
      .from(authEvents)
      .where(and(eq(authEvents.username, 'ayun.motcua'), eq(authEvents.kind, 'login_failed')));
    expect(events).toHaveLength(1);
    expect(events[0]?.reason).toBe('wrong_password');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await login('nobody.here', 'whatever');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });

  it('logout revokes the token', async () => {
    const token = await t.login('phuxuan.lanhdao');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('unauthenticated');
  });

  it('rejects an expired session', async () => {
    const token = await t.login('tuson.motcua');
    t.clock.advance(13 * 3_600_000);
    try {
      const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode).toBe(401);
    } finally {
      t.clock.advance(-13 * 3_600_000);
    }
  });
});

describe('lockout', () => {
  it('shuts out the guessing address; past the account’s total, every address the account has not signed in from', () => {
    expect(isLockedOut({ fromAddress: LOCKOUT_FAILURES, fromAll: LOCKOUT_FAILURES, trusted: true })).toBe(true);
    expect(isLockedOut({ fromAddress: 0, fromAll: ACCOUNT_LOCKOUT_FAILURES - 1, trusted: false })).toBe(false);
    expect(isLockedOut({ fromAddress: 0, fromAll: ACCOUNT_LOCKOUT_FAILURES, trusted: false })).toBe(true);
    expect(isLockedOut({ fromAddress: LOCKOUT_FAILURES - 1, fromAll: ACCOUNT_LOCKOUT_FAILURES, trusted: true })).toBe(false);
  });

  it('forgets an officer’s typos once they sign in from the same address', async () => {
    const from = { remoteAddress: '10.90.0.1' };
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ayun.giamdoc', password }, ...from });
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) expect((await attempt('typo')).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) expect((await attempt('typo')).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('CSRF protection for cookie sessions', () => {
  it('refuses a cookie-authenticated write from another site and keeps the session', async () => {
    const token = await t.login('phuxuan.giamdoc');
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { motcua_session: token },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('csrf_rejected');
    const me = await t.app.inject({ url: '/api/v1/me', cookies: { motcua_session: token } });
    expect(me.statusCode).toBe(200);

    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { motcua_session: token },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(204);
  });

  it('does not hinder bearer clients, which send no Origin', async () => {
    const token = await t.login('hue.motcua');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(204);
  });
});

