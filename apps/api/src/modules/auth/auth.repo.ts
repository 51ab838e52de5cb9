import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import type { LoginHistory } from './auth.lockout.ts';
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

/** What the lockout rule needs about a username and a client address (see auth.lockout.ts). */
export async function loginHistory(db: Db, username: string, ip: string | null, since: Date, trustedSince: Date): Promise<LoginHistory> {
  const [row] = rowsOf<{ from_address: number; from_all: number; trusted: boolean }>(
    await db.execute(sql`
      select
        count(*) filter (where kind = 'login_failed' and ip is not distinct from ${ip} and at > coalesce(
          (select max(at) from auth_events where username = ${username} and kind = 'login_ok' and ip is not distinct from ${ip} and at > ${since}), ${since}))::int as from_address,
        count(*) filter (where kind = 'login_failed')::int as from_all,
        exists (select 1 from auth_events where username = ${username} and kind = 'login_ok' and ip is not distinct from ${ip} and at > ${trustedSince}) as trusted
      from auth_events where username = ${username} and at > ${since}`),
  );
  return { fromAddress: Number(row?.from_address ?? 0), fromAll: Number(row?.from_all ?? 0), trusted: row?.trusted === true };
}

/** Active staff of a center with a role, for assignment pickers and automatic assignment. */
export async function listStaff(db: Db, centerId: string, role: Actor['role']) {
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.centerId, centerId), eq(users.role, role), eq(users.active, true)));
}

/** Active province administrators of a province (who run its portal sync). */
export async function listProvinceAdmins(db: Db, provinceCode: string) {
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.provinceCode, provinceCode), eq(users.role, 'province_admin'), eq(users.active, true)));
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
