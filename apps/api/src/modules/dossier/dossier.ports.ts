import type { ProcedureVersion } from '@motcua/contracts';
import type { Db } from '../../platform/db/client.ts';
import { currentVersion, getVersion, isOffered } from '../catalog/index.ts';

/** What the dossier module needs from the catalog, in one place. */
export const procedures = {
  inForce: (db: Db, code: string, at: Date): Promise<ProcedureVersion | null> => currentVersion(db, code, at),
  version: (db: Db, versionId: string): Promise<ProcedureVersion | null> => getVersion(db, versionId),
  offered: (db: Db, centerId: string, code: string): Promise<boolean> => isOffered(db, centerId, code),
};
