import { eq } from 'drizzle-orm';
import type { CitizenProfile } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { citizens, dossierOnline, dossierReuse } from './citizen.tables.ts';

export type CitizenRow = typeof citizens.$inferSelect;

export async function findCitizen(db: Db, userId: string): Promise<CitizenRow | null> {
  return (await db.select().from(citizens).where(eq(citizens.userId, userId)))[0] ?? null;
}

export async function findCitizenByPhone(db: Db, phone: string): Promise<CitizenRow | null> {
  return (await db.select().from(citizens).where(eq(citizens.phone, phone)))[0] ?? null;
}

export const toProfile = (c: CitizenRow): CitizenProfile => ({
  id: c.userId,
  phone: c.phone,
  fullName: c.fullName,
  idNumber: c.idNumber,
  email: c.email,
  language: c.language,
  channels: c.channels,
  volunteerCenterId: c.volunteerCenterId,
});

/** Who to tell about a dossier filed online, and how; null for a dossier with no citizen account. */
export async function citizenContactOfDossier(db: Db, dossierId: string) {
  const rows = await db
    .select({ citizenId: citizens.userId, phone: citizens.phone, email: citizens.email, language: citizens.language, channels: citizens.channels })
    .from(dossierOnline)
    .innerJoin(citizens, eq(citizens.userId, dossierOnline.citizenId))
    .where(eq(dossierOnline.dossierId, dossierId));
  return rows[0] ?? null;
}

/** Who to tell, and how, for a citizen account (e.g. the author of a petition who was signed in). */
export async function citizenContact(db: Db, citizenId: string) {
  const rows = await db
    .select({ citizenId: citizens.userId, phone: citizens.phone, email: citizens.email, language: citizens.language, channels: citizens.channels })
    .from(citizens)
    .where(eq(citizens.userId, citizenId));
  return rows[0] ?? null;
}

/** Once-only flags of a dossier for scoring: population data used, and each reused component with its source. */
export async function reuseFlagsOf(db: Db, dossierId: string) {
  const [online] = await db.select().from(dossierOnline).where(eq(dossierOnline.dossierId, dossierId));
  const reused = await db.select({ itemId: dossierReuse.itemId, source: dossierReuse.source }).from(dossierReuse).where(eq(dossierReuse.dossierId, dossierId));
  return { online: !!online, populationDataUsed: online?.populationDataUsed ?? false, reusedComponents: reused, helperId: online?.helperId ?? null };
}
