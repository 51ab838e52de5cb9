import { and, asc, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { petitions } from './feedback.tables.ts';

export type PetitionRow = typeof petitions.$inferSelect;

export async function nextPetitionSeq(tx: Db, provinceCode: string, year: number): Promise<number> {
  const rows = rowsOf<{ last_seq: number }>(
    await tx.execute(sql`
      insert into petition_sequences (province_code, year, last_seq) values (${provinceCode}, ${year}, 1)
      on conflict (province_code, year) do update set last_seq = petition_sequences.last_seq + 1
      returning last_seq`),
  );
  return Number(rows[0]!.last_seq);
}

export async function findPetitionByCode(db: Db, code: string): Promise<PetitionRow | null> {
  return (await db.select().from(petitions).where(eq(petitions.code, code)))[0] ?? null;
}

export async function findPetition(db: Db, id: string): Promise<PetitionRow | null> {
  return (await db.select().from(petitions).where(eq(petitions.id, id)))[0] ?? null;
}

/** An earlier petition by the same person on the same matter (same dossier, or the same center in general). */
export async function earlierOnSameMatter(
  db: Db,
  p: { contactPhone: string | null; contactEmail: string | null; citizenId: string | null; centerId: string; dossierId: string | null; since: Date },
): Promise<PetitionRow | null> {
  const who = [
    p.contactPhone ? eq(petitions.contactPhone, p.contactPhone) : undefined,
    p.contactEmail ? eq(petitions.contactEmail, p.contactEmail) : undefined,
    p.citizenId ? eq(petitions.citizenId, p.citizenId) : undefined,
  ].filter((x): x is SQL => x !== undefined);
  if (who.length === 0) return null;
  const matter = p.dossierId ? eq(petitions.dossierId, p.dossierId) : and(eq(petitions.centerId, p.centerId), isNull(petitions.dossierId));
  const rows = await db
    .select()
    .from(petitions)
    .where(and(or(...who), matter, gt(petitions.receivedAt, p.since)))
    .orderBy(asc(petitions.receivedAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Compare-and-set on the petition's version. */
export async function updatePetitionIfVersion(tx: Db, id: string, version: number, patch: Partial<PetitionRow>): Promise<PetitionRow | null> {
  const rows = await tx
    .update(petitions)
    .set({ ...patch, version: sql`${petitions.version} + 1` })
    .where(and(eq(petitions.id, id), eq(petitions.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function listPetitions(db: Db, where: SQL | undefined, limit: number): Promise<PetitionRow[]> {
  return db
    .select()
    .from(petitions)
    .where(where)
    .orderBy(sql`case when ${petitions.status} in ('received', 'info_requested') then 0 else 1 end`, asc(petitions.dueAt), desc(petitions.receivedAt))
    .limit(limit);
}
