import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Center, Commune, Province, ServiceGroup } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { centerSameDayProcedures, centers, communes, counters, provinces, serviceGroups } from './units.tables.ts';

export async function listProvinces(db: Db): Promise<Province[]> {
  return db.select().from(provinces).orderBy(asc(provinces.code));
}

export async function findProvince(db: Db, code: string): Promise<Province | null> {
  const rows = await db.select().from(provinces).where(eq(provinces.code, code));
  return rows[0] ?? null;
}

export async function listCommunes(db: Db, provinceCode: string): Promise<Commune[]> {
  return db.select().from(communes).where(eq(communes.provinceCode, provinceCode)).orderBy(asc(communes.code));
}

/** Centers with their province/commune names and counters, in agency-code order. */
export async function findCenters(db: Db, where: SQL | undefined): Promise<Center[]> {
  const rows = await db
    .select({
      id: centers.id,
      agencyCode: centers.agencyCode,
      name: centers.name,
      level: centers.level,
      provinceCode: centers.provinceCode,
      provinceName: provinces.fullName,
      communeCode: centers.communeCode,
      communeName: communes.fullName,
      address: centers.address,
      workingHours: centers.workingHours,
    })
    .from(centers)
    .innerJoin(provinces, eq(provinces.code, centers.provinceCode))
    .leftJoin(communes, eq(communes.code, centers.communeCode))
    .where(where)
    .orderBy(asc(centers.agencyCode));
  if (rows.length === 0) return [];
  const counterRows = await db
    .select({ id: counters.id, centerId: counters.centerId, number: counters.number, name: counters.name })
    .from(counters)
    .where(inArray(counters.centerId, rows.map((r) => r.id)))
    .orderBy(asc(counters.number));
  return rows.map((r) => ({
    ...r,
    counters: counterRows.filter((c) => c.centerId === r.id).map(({ id, number, name }) => ({ id, number, name })),
  }));
}

export async function findCenter(db: Db, id: string): Promise<Center | null> {
  return (await findCenters(db, eq(centers.id, id)))[0] ?? null;
}

export const centersInProvince = (provinceCode: string) => eq(centers.provinceCode, provinceCode);
export const centerById = (id: string) => eq(centers.id, id);

export async function listServiceGroups(db: Db, centerId: string): Promise<ServiceGroup[]> {
  return db
    .select({ id: serviceGroups.id, centerId: serviceGroups.centerId, code: serviceGroups.code, name: serviceGroups.name, sortOrder: serviceGroups.sortOrder })
    .from(serviceGroups)
    .where(eq(serviceGroups.centerId, centerId))
    .orderBy(asc(serviceGroups.sortOrder), asc(serviceGroups.code));
}

export async function centerExists(db: Db, id: string): Promise<boolean> {
  return (await db.select({ id: centers.id }).from(centers).where(eq(centers.id, id))).length > 0;
}

export type NoAppointmentPolicy = { weekdays: number[]; procedureCodes: string[] };

export async function readNoAppointmentPolicy(db: Db, centerId: string): Promise<NoAppointmentPolicy> {
  const [c] = await db.select({ weekdays: centers.noAppointmentWeekdays }).from(centers).where(eq(centers.id, centerId));
  const codes = await db
    .select({ code: centerSameDayProcedures.procedureCode })
    .from(centerSameDayProcedures)
    .where(eq(centerSameDayProcedures.centerId, centerId))
    .orderBy(asc(centerSameDayProcedures.procedureCode));
  return { weekdays: c?.weekdays ?? [], procedureCodes: codes.map((r) => r.code) };
}

export async function writeNoAppointmentPolicy(db: Db, centerId: string, p: NoAppointmentPolicy): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(centers).set({ noAppointmentWeekdays: [...new Set(p.weekdays)].sort() }).where(eq(centers.id, centerId));
    await tx.delete(centerSameDayProcedures).where(eq(centerSameDayProcedures.centerId, centerId));
    const codes = [...new Set(p.procedureCodes)];
    if (codes.length > 0) await tx.insert(centerSameDayProcedures).values(codes.map((procedureCode) => ({ centerId, procedureCode })));
  });
}
