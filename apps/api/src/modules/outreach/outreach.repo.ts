import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import type { ReportLine } from './outreach.rules.ts';
import { outreachSessions, outreachSubmissions, outreachUploads, type SessionRow, type SubmissionRow, type UploadRow } from './outreach.tables.ts';

export async function insertSession(db: Db, row: SessionRow): Promise<SessionRow> {
  const [r] = await db.insert(outreachSessions).values(row).returning();
  return r!;
}

export async function findSession(db: Db, id: string): Promise<SessionRow | null> {
  const [r] = await db.select().from(outreachSessions).where(eq(outreachSessions.id, id));
  return r ?? null;
}

export function listSessions(db: Db, centerId: string): Promise<SessionRow[]> {
  return db.select().from(outreachSessions).where(eq(outreachSessions.centerId, centerId)).orderBy(desc(outreachSessions.sessionDate), desc(outreachSessions.createdAt)).limit(100);
}

/** Serialises the syncs of one key (two tabs, a retried request) until the transaction ends. */
export async function lockKey(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function findSubmission(db: Db, key: string): Promise<SubmissionRow | null> {
  const [r] = await db.select().from(outreachSubmissions).where(eq(outreachSubmissions.key, key));
  return r ?? null;
}

export async function saveSubmission(db: Db, row: SubmissionRow): Promise<SubmissionRow> {
  const { key: _key, createdAt: _created, ...changes } = row;
  const [r] = await db.insert(outreachSubmissions).values(row).onConflictDoUpdate({ target: outreachSubmissions.key, set: changes }).returning();
  return r!;
}

export async function declareUploads(db: Db, rows: UploadRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(outreachUploads).values(rows).onConflictDoNothing();
}

export function uploadsOf(db: Db, key: string): Promise<UploadRow[]> {
  return db.select().from(outreachUploads).where(eq(outreachUploads.submissionKey, key)).orderBy(asc(outreachUploads.createdAt), asc(outreachUploads.itemId));
}

/** An upload with the center of its session, for the access check. */
export async function findUpload(db: Db, id: string): Promise<(UploadRow & { centerId: string }) | null> {
  const [r] = await db
    .select({ upload: outreachUploads, centerId: outreachSessions.centerId })
    .from(outreachUploads)
    .innerJoin(outreachSubmissions, eq(outreachSubmissions.key, outreachUploads.submissionKey))
    .innerJoin(outreachSessions, eq(outreachSessions.id, outreachSubmissions.sessionId))
    .where(eq(outreachUploads.id, id));
  return r ? { ...r.upload, centerId: r.centerId } : null;
}

/** Moves `received` on only from the offset the caller saw: of two racing chunks one wins. */
export async function advanceUpload(db: Db, id: string, from: number, patch: Partial<UploadRow>): Promise<UploadRow | null> {
  const [r] = await db
    .update(outreachUploads)
    .set(patch)
    .where(and(eq(outreachUploads.id, id), eq(outreachUploads.received, from), eq(outreachUploads.status, 'uploading')))
    .returning();
  return r ?? null;
}

/** Every dossier the session's devices synced, with where each one is now. */
export async function reportLines(db: Db, sessionId: string): Promise<ReportLine[]> {
  const rows = rowsOf<{ procedure_code: string; procedure_name: string | null; state: 'synced' | 'conflict'; status: string | null; on_spot: boolean }>(
    await db.execute(sql`
      select s.procedure_code, d.procedure_name, s.state, d.status, s.on_spot
      from outreach_submissions s left join dossiers d on d.id = s.dossier_id
      where s.session_id = ${sessionId}`),
  );
  return rows.map((r) => ({ procedureCode: r.procedure_code, procedureName: r.procedure_name ?? r.procedure_code, state: r.state, status: r.status, onSpot: r.on_spot }));
}
