import * as oidc from 'openid-client';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { ensureCitizenUser, openSession, type ClientInfo } from '../auth/index.ts';
import { findCitizenByPhone } from './citizen.repo.ts';
import { citizens } from './citizen.tables.ts';
import { normalisePhone } from './otp.rules.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'config'>;
export const OIDC_COOKIE = 'motcua_oidc';
const FLOW_SECONDS = 600;

const configs = new Map<string, Promise<oidc.Configuration>>();

/** The provider's configuration from its discovery document (cached per issuer and client). */
function providerOf(deps: Pick<Deps, 'config'>): Promise<oidc.Configuration> {
  const c = deps.config.citizen.oidc;
  if (!c) throw new DomainError('not_found', 'citizen.oidc_off', 'Sign-in with an electronic identity is not configured.');
  const key = `${c.issuer}|${c.clientId}`;
  let found = configs.get(key);
  if (!found) {
    // Plain HTTP only for a provider on this machine outside production (the test stub).
    const local = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(c.issuer) && deps.config.env !== 'production';
    found = oidc.discovery(new URL(c.issuer), c.clientId, c.clientSecret, c.clientSecret ? undefined : oidc.None(), local ? { execute: [oidc.allowInsecureRequests] } : undefined);
    found.catch(() => configs.delete(key));
    configs.set(key, found);
  }
  return found;
}

type Flow = { v: string; s: string; n: string; next: string; exp: number };

/** Authorization URL with PKCE (S256), state and nonce; the secrets travel in a short-lived httpOnly cookie. */
export async function startOidc(deps: Deps, redirectUri: string, next: string): Promise<{ url: string; cookie: string }> {
  const provider = await providerOf(deps);
  const verifier = oidc.randomPKCECodeVerifier();
  const flow: Flow = { v: verifier, s: oidc.randomState(), n: oidc.randomNonce(), next: next.startsWith('/') && !next.startsWith('//') ? next : '/citizen/dossiers', exp: Math.floor(deps.clock.now().getTime() / 1000) + FLOW_SECONDS };
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri,
    scope: 'openid profile phone',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.s,
    nonce: flow.n,
  });
  return { url: url.href, cookie: Buffer.from(JSON.stringify(flow)).toString('base64url') };
}

const refused = () => new DomainError('unauthenticated', 'citizen.oidc_failed', 'The sign-in with the electronic identity could not be completed; try again.');

/** Checks state, nonce and the PKCE verifier through the token exchange; signs the citizen in (account linked by subject, else by phone). */
export async function finishOidc(deps: Deps, currentUrl: URL, cookie: string | undefined, client: ClientInfo) {
  let flow: Flow;
  try {
    flow = JSON.parse(Buffer.from(cookie ?? '', 'base64url').toString('utf8')) as Flow;
  } catch {
    throw refused();
  }
  if (!flow?.s || flow.exp * 1000 < deps.clock.now().getTime() || currentUrl.searchParams.get('state') !== flow.s) throw refused();
  const provider = await providerOf(deps);
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, { pkceCodeVerifier: flow.v, expectedState: flow.s, expectedNonce: flow.n, idTokenExpected: true });
    claims = tokens.claims();
  } catch {
    throw refused();
  }
  const sub = String(claims?.sub ?? '');
  const phoneClaim = typeof claims?.phone_number === 'string' ? normalisePhone(claims.phone_number.replace(/^\+84/, '0')) : '';
  if (!sub || !/^0\d{9,10}$/.test(phoneClaim)) throw new DomainError('unauthenticated', 'citizen.oidc_no_phone', 'The identity provider did not give a phone number.');
  const name = typeof claims?.name === 'string' ? claims.name.slice(0, 120) : null;
  const now = deps.clock.now();
  const session = await deps.db.transaction(async (tx) => {
    const [bySubject] = await tx.select().from(citizens).where(eq(citizens.oidcSubject, sub));
    const existing = bySubject ?? (await findCitizenByPhone(tx, phoneClaim));
    const phone = existing?.phone ?? phoneClaim;
    const username = `citizen:${phone}`;
    const userId = existing?.userId ?? (await ensureCitizenUser(tx, deps, { username, fullName: name ?? phone }));
    if (existing) await tx.update(citizens).set({ oidcSubject: sub, ...(name && !existing.fullName ? { fullName: name } : {}) }).where(eq(citizens.userId, userId));
    else await tx.insert(citizens).values({ userId, phone, oidcSubject: sub, fullName: name, createdAt: now });
    return openSession(tx, deps, { id: userId, username }, client);
  });
  return { token: session.token, next: flow.next };
}
