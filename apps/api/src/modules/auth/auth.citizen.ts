import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { insertAuthEvent, insertSession } from './auth.repo.ts';
import { hashToken, type ClientInfo } from './auth.service.ts';
import { users } from './auth.tables.ts';

type Deps = Pick<AppContext, 'ids' | 'clock' | 'config'>;

/** A password hash no password matches: citizens sign in with a one-time code or OpenID Connect only. */
const NO_PASSWORD = '!citizen-no-password';

/**
 * The `users` row behind a citizen account (role 'citizen', no center, no province), created on
 * first sign-in. Returns its id.
 */
export async function ensureCitizenUser(tx: Db, deps: Pick<Deps, 'ids' | 'clock'>, input: { username: string; fullName: string }): Promise<string> {
  const username = input.username.toLowerCase();
  const [found] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.username, username));
  if (found) {
    if (found.role !== 'citizen') throw new Error('a staff account has this username');
    return found.id;
  }
  const id = deps.ids.next();
  await tx.insert(users).values({ id, username, fullName: input.fullName, passwordHash: NO_PASSWORD, role: 'citizen', provinceCode: '', centerId: null, createdAt: deps.clock.now() });
  return id;
}

/** A citizen's own name, once they give it, names their account wherever staff see it (timeline, "helped by"). */
export async function renameCitizenUser(tx: Db, userId: string, fullName: string): Promise<void> {
  await tx.update(users).set({ fullName }).where(and(eq(users.id, userId), eq(users.role, 'citizen')));
}

/** Opens a session for a user already proven by another factor (one-time code, OpenID Connect). */
export async function openSession(tx: Db, deps: Deps, user: { id: string; username: string }, client: ClientInfo, hours = deps.config.sessionHours) {
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await insertSession(tx, { id: deps.ids.next(), tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, ...client });
  await insertAuthEvent(tx, { id: deps.ids.next(), at: now, kind: 'login_ok', username: user.username, userId: user.id, ip: client.ip, reason: null });
  return { token, expiresAt };
}
