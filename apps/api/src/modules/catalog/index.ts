import type { ProcedureVersion } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import type { HttpModule } from '../../platform/http/app.ts';
import { sql } from 'drizzle-orm';
import { findCurrentVersion, findVersion, toVersion } from './catalog.repo.ts';
import { procedureVersions } from './catalog.tables.ts';
import { catalogAdminRoutes } from './catalog-admin.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { findOffering, type OfferingGroup } from './offerings.ts';

export { fromPortalRecord, type PortalRecord, type SeedProcedure } from './portal-record.ts';
export { seedProcedures } from './seed-procedures.ts';
export { searchProcedures } from './search.repo.ts';
export { catalogRevision } from './catalog.repo.ts';
export type { OfferingGroup };

/**
 * A version exactly as published (documents with ids, per-channel time limits and fees, online
 * level, results, steps). Versions never change, so a dossier stores only the id. null if unknown.
 */
export function getVersion(db: Db, versionId: string): Promise<ProcedureVersion | null> {
  return findVersion(db, versionId);
}

/** The version in force at `at` (latest effective date not after it), or null if none was yet. */
export function currentVersion(db: Db, code: string, at: Date): Promise<ProcedureVersion | null> {
  return findCurrentVersion(db, code, at);
}

/** Every version in force at `at`, one per procedure not retired (the assistant's retrieval corpus). */
export async function versionsInForce(db: Db, at: Date): Promise<ProcedureVersion[]> {
  const rows = await db.select().from(procedureVersions).where(sql`${procedureVersions.id} in (select id from catalog_in_force(${at.toISOString()}::timestamptz))`);
  return rows.map(toVersion);
}

/** The center's service group for the procedure, or null when the center does not offer it. */
export function offeringOf(db: Db, centerId: string, code: string): Promise<OfferingGroup | null> {
  return findOffering(db, centerId, code);
}

export async function isOffered(db: Db, centerId: string, code: string): Promise<boolean> {
  return (await findOffering(db, centerId, code)) !== null;
}

export const catalogModule: HttpModule = {
  name: 'catalog',
  register: (app, ctx) => {
    catalogRoutes(app, ctx);
    catalogAdminRoutes(app, ctx);
  },
};
