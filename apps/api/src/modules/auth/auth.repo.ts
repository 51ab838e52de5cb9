import { and, count, eq, gt, inArray, isNull, max } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { authEvents, sessions, users } from './auth.tables.ts';

export async function findActiveUser(db: Db, username: string) {
  const rows = await db.select().from(users).where(and(eq(users.username, username), eq(users.active, true)));
  return rows[0] ?? null;
}

export async function insertSession(
  db: Db,
  s: { id: string; tokenHash: string; userId: string; createdAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(s);
}

/** The actor behind a live session, or null when it is unknown, revoked, expired or its user is disabled. */
export async function findSessionActor(db: Db, tokenHash: string, now: Date): Promise<Actor | null> {
  const rows = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      provinceCode: users.provinceCode,
      centerId: users.centerId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.active, true)));
  return rows[0] ?? null;
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function insertAuthEvent(
  db: Db,
  e: { id: string; at: Date; kind: 'login_ok' | 'login_failed' | 'logout'; username: string; userId: string | null; ip: string | null; reason: string | null },
): Promise<void> {
  await db.insert(authEvents).values(e);
}

/** Failed sign-ins for a username after `since` and after its last successful one. */
export async function recentFailures(db: Db, username: string, since: Date): Promise<number> {
  const [ok] = await db.select({ at: max(authEvents.at) }).from(authEvents).where(and(eq(authEvents.username, username), eq(authEvents.kind, 'login_ok'), gt(authEvents.at, since)));
  const from = ok?.at && ok.at > since ? ok.at : since;
  const [row] = await db.select({ n: count() }).from(authEvents).where(and(eq(authEvents.username, username), eq(authEvents.kind, 'login_failed'), gt(authEvents.at, from)));
  return Number(row?.n ?? 0);
}

/** Active staff of a center with a role, for assignment pickers and automatic assignment. */
export async function listStaff(db: Db, centerId: string, role: Actor['role']) {
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.centerId, centerId), eq(users.role, role), eq(users.active, true)));
}

export async function findStaff(db: Db, id: string) {
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, role: users.role, centerId: users.centerId, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  return rows[0] ?? null;
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function listCenterStaff(db: Db, centerId: string) {
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName, role: users.role })
    .from(users)
    .where(and(eq(users.centerId, centerId), eq(users.active, true)))
    .orderBy(users.role, users.username);
}
