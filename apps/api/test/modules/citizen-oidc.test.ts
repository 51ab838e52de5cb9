import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcSimulator, type OidcSimulator } from '../../src/simulators/oidc.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let idp: OidcSimulator;
let base: string;
beforeAll(async () => {
  idp = await startOidcSimulator({ clientId: 'motcua-portal', person: { sub: 'vneid-046195004321', name: 'Nguyễn Thị Hoa', phone_number: '+84912345678' } });
  t = await startTestApp({ now: new Date().toISOString(), env: { MOTCUA_OIDC_ISSUER: idp.issuer, MOTCUA_OIDC_CLIENT_ID: 'motcua-portal', MOTCUA_OIDC_CLIENT_SECRET: 'portal-secret' } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = t.app.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

const cookieOf = (res: Response, name: string) => /^([^;]+)/.exec(res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '')?.[1] ?? '';

describe('sign-in with an OpenID Connect provider (VNeID style), over real HTTP', () => {
  it('sends the browser to the provider with PKCE S256, state and nonce, and signs the citizen in on the way back', async () => {
    const start = await fetch(`${base}/api/v1/citizen/oidc/start?next=/citizen/dossiers`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${idp.issuer}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/api/v1/citizen/oidc/callback`);
    const flow = cookieOf(start, 'motcua_oidc');
    expect(flow).not.toBe('');

    const atProvider = await fetch(authorize, { redirect: 'manual' });
    const callback = atProvider.headers.get('location')!;
    const back = await fetch(callback, { redirect: 'manual', headers: { cookie: flow } });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/citizen/dossiers');
    const session = cookieOf(back, 'motcua_session');
    const me = await fetch(`${base}/api/v1/citizen/me`, { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ phone: '0912345678', fullName: 'Nguyễn Thị Hoa' });
  });

  it('refuses a callback whose state does not match the browser’s flow (no token exchange happens)', async () => {
    const start = await fetch(`${base}/api/v1/citizen/oidc/start`, { redirect: 'manual' });
    const authorize = new URL(start.headers.get('location')!);
    const callback = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!);
    callback.searchParams.set('state', 'forged-state');
    const before = idp.tokenRequests;
    const back = await fetch(callback, { redirect: 'manual', headers: { cookie: cookieOf(start, 'motcua_oidc') } });
    expect(back.headers.get('location')).toBe('/citizen/sign-in?error=oidc');
    expect(cookieOf(back, 'motcua_session')).toBe('');
    expect(idp.tokenRequests).toBe(before);
  });

  it('refuses a callback from another browser (no flow cookie), so a stolen code is useless', async () => {
    const start = await fetch(`${base}/api/v1/citizen/oidc/start`, { redirect: 'manual' });
    const callback = (await fetch(new URL(start.headers.get('location')!), { redirect: 'manual' })).headers.get('location')!;
    const back = await fetch(callback, { redirect: 'manual' });
    expect(back.headers.get('location')).toBe('/citizen/sign-in?error=oidc');
  });
});
