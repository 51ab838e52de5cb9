import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { tableRows } from '../../platform/db/table-rows.ts';
import { eventHash, GENESIS, type ChainedEvent } from './dossier.chain.ts';
import { dossierEvents, dossiers, openForInbox, receivedElsewhere } from './dossier.tables.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierPatch = Partial<Omit<DossierRow, 'id' | 'version' | 'createdAt'>>;

export async function insertDossier(tx: Db, row: typeof dossiers.$inferInsert): Promise<DossierRow> {
  const [inserted] = await tx.insert(dossiers).values(row).returning();
  return inserted!;
}

export async function findDossier(db: Db, id: string): Promise<DossierRow | null> {
  return (await db.select().from(dossiers).where(eq(dossiers.id, id)))[0] ?? null;
}

export async function findDossierByCode(db: Db, code: string): Promise<DossierRow | null> {
  return (await db.select().from(dossiers).where(eq(dossiers.code, code)))[0] ?? null;
}

/**
 * Compare-and-set: applies the patch only if nobody changed the dossier since `version` was read.
 * Returns null when someone else won; the row stays locked until the transaction ends.
 */
export async function updateIfVersion(tx: Db, id: string, version: number, patch: DossierPatch): Promise<DossierRow | null> {
  const rows = await tx
    .update(dossiers)
    .set({ ...patch, version: sql`${dossiers.version} + 1` })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, version)))
    .returning();
  return rows[0] ?? null;
}

/** Appends the next event of the dossier's hash chain. Call after locking the dossier row. */
export async function appendEvent(tx: Db, id: string, event: Omit<ChainedEvent, 'seq'>): Promise<{ seq: number; hash: string }> {
  const last = (
    await tx
      .select({ seq: dossierEvents.seq, hash: dossierEvents.hash })
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, event.dossierId))
      .orderBy(desc(dossierEvents.seq))
      .limit(1)
  )[0];
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const body: ChainedEvent = { ...event, seq };
  const hash = eventHash(prevHash, body);
  await tx.insert(dossierEvents).values({
    id,
    dossierId: body.dossierId,
    seq,
    at: new Date(body.at),
    actorId: body.actorId,
    actorRole: body.actorRole,
    action: body.action,
    fromState: body.fromState,
    toState: body.toState,
    reason: body.reason,
    data: body.data ?? {},
    prevHash,
    hash,
  });
  return { seq, hash };
}

export async function listEvents(db: Db, dossierId: string) {
  return db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(asc(dossierEvents.seq));
}

/** Open dossiers per assignee, for "least open work" assignment (finished ones wait only for hand-over). */
export async function openWorkload(tx: Db, assigneeIds: string[]): Promise<Map<string, number>> {
  if (assigneeIds.length === 0) return new Map();
  const rows = await tx
    .select({ assigneeId: dossiers.assigneeId, n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(and(inArray(dossiers.assigneeId, assigneeIds), openForInbox(dossiers.status), ne(dossiers.status, 'finished')))
    .groupBy(dossiers.assigneeId);
  return new Map(rows.map((r) => [r.assigneeId!, Number(r.n)]));
}

/**
 * Dossiers a center still has work on (incl. results awaiting hand-over), soonest deadline first.
 * Everything is read in deadline order through a partial index of open dossiers (migration 0019),
 * so the cost follows `limit`, not the center's history: one officer's through the assignee index;
 * a whole center's as two sides, those it received and those received elsewhere for it. The
 * predicates repeat the indexes' own, or PostgreSQL would not use them.
 */
export async function listOpen(db: Db, centerId: string, filter: { assigneeId?: string; limit: number }): Promise<DossierRow[]> {
  const open = openForInbox(dossiers.status);
  const order = sql`order by due_at asc nulls last, code`;
  if (filter.assigneeId) {
    return tableRows(db, dossiers, sql`select * from dossiers where assignee_id = ${filter.assigneeId} and ${open} and (center_id = ${centerId} or competent_center_id = ${centerId}) ${order} limit ${filter.limit}`);
  }
  return tableRows(
    db,
    dossiers,
    sql`select * from (
      (select * from dossiers where center_id = ${centerId} and ${open} ${order} limit ${filter.limit})
      union all
      (select * from dossiers where competent_center_id = ${centerId} and ${receivedElsewhere(dossiers.competentCenterId, dossiers.centerId)} and ${open} ${order} limit ${filter.limit})
    ) open_dossiers ${order} limit ${filter.limit}`,
  );
}
