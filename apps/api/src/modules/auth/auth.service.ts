import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { findActiveUser, findSessionActor, insertAuthEvent, insertSession, recentFailures, revokeSession } from './auth.repo.ts';
import { burnVerify, verifyPassword } from './password.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'config' | 'log'>;
export type ClientInfo = { ip: string | null; userAgent: string | null };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** An account (known or not) is locked after this many failed sign-ins in LOCKOUT_MINUTES, whatever the address. */
export const LOCKOUT_FAILURES = 10;
export const LOCKOUT_MINUTES = 15;

/** Checks the password and opens a session; a failure is recorded and looks the same whatever went wrong. */
export async function login(deps: Deps, input: { username: string; password: string }, client: ClientInfo): Promise<LoginResponse> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  // The per-address rate limit does not stop guessing from many addresses: lock the account itself.
  if ((await recentFailures(deps.db, username.slice(0, 100), new Date(now.getTime() - LOCKOUT_MINUTES * 60_000))) >= LOCKOUT_FAILURES) {
    deps.log.warn({ username, ip: client.ip }, 'login refused: account locked');
    throw new DomainError('rate_limited', 'account_locked', `Too many failed sign-ins for this account; try again in ${LOCKOUT_MINUTES} minutes.`);
  }
  const user = await findActiveUser(deps.db, username);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerify(input.password), false);
  if (!user || !ok) {
    await insertAuthEvent(deps.db, {
      id: deps.ids.next(),
      at: now,
      kind: 'login_failed',
      username: username.slice(0, 100),
      userId: user?.id ?? null,
      ip: client.ip,
      reason: user ? 'wrong_password' : 'unknown_user',
    });
    deps.log.warn({ username, ip: client.ip, reason: user ? 'wrong_password' : 'unknown_user' }, 'login failed');
    throw new DomainError('unauthenticated', 'invalid_credentials', 'Wrong username or password.');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000);
  await deps.db.transaction(async (tx) => {
    await insertSession(tx, { id: deps.ids.next(), tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, ...client });
    await insertAuthEvent(tx, { id: deps.ids.next(), at: now, kind: 'login_ok', username, userId: user.id, ip: client.ip, reason: null });
  });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      provinceCode: user.provinceCode,
      centerId: user.centerId,
    },
  };
}

export function authenticate(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<Actor | null> {
  return findSessionActor(deps.db, hashToken(token), deps.clock.now());
}

export async function logout(deps: Deps, actor: Actor, client: ClientInfo): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId, now);
    await insertAuthEvent(tx, { id: deps.ids.next(), at: now, kind: 'logout', username: actor.username, userId: actor.userId, ip: client.ip, reason: null });
  });
}
