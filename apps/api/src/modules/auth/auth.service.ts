import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { isLockedOut, LOCKOUT_MINUTES, TRUSTED_ADDRESS_DAYS } from './auth.lockout.ts';
import { findActiveUser, findSessionActor, insertAuthEvent, insertSession, loginHistory, revokeSession } from './auth.repo.ts';
import { burnVerify, verifyPassword } from './password.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'config' | 'log'>;
export type ClientInfo = { ip: string | null; userAgent: string | null };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a session; a failure is recorded and looks the same whatever went wrong. */
export async function login(deps: Deps, input: { username: string; password: string }, client: ClientInfo): Promise<LoginResponse> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const key = username.slice(0, 100);
  // Unknown usernames are counted and locked alike, so a lockout does not reveal which accounts exist.
  const history = await loginHistory(deps.db, key, client.ip, new Date(now.getTime() - LOCKOUT_MINUTES * 60_000), new Date(now.getTime() - TRUSTED_ADDRESS_DAYS * 86_400_000));
  if (isLockedOut(history)) {
    deps.log.warn({ username, ip: client.ip, ...history }, 'login refused: account locked for this address');
    throw new DomainError('rate_limited', 'account_locked', `Too many failed sign-ins for this account; try again in ${LOCKOUT_MINUTES} minutes, or from a computer you usually sign in from.`);
  }
  const user = await findActiveUser(deps.db, username);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerify(input.password), false);
  if (!user || !ok) {
    await insertAuthEvent(deps.db, {
      id: deps.ids.next(),
      at: now,
      kind: 'login_failed',
      username: key,
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
