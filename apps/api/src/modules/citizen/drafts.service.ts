import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DraftView } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError, notFound } from '../../platform/errors.ts';
import { toLocalIso } from '../calendar/index.ts';
import { currentVersion, isOffered } from '../catalog/index.ts';
import { citizenDrafts, type DraftData } from './citizen.tables.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;
export type DraftRow = typeof citizenDrafts.$inferSelect;

export function toDraftView(d: DraftRow, procedureName: string): DraftView {
  return {
    id: d.id,
    procedureCode: d.procedureCode,
    procedureName,
    centerId: d.centerId,
    applicant: d.data.applicant ?? {},
    fields: d.data.fields ?? {},
    attachments: d.data.attachments ?? {},
    populationUsed: d.data.populationUsed ?? false,
    version: d.version,
    submittedDossierId: d.submittedDossierId,
    updatedAt: toLocalIso(d.updatedAt),
  };
}

/** A new draft for a procedure that can be filed online at this center. */
export async function createDraft(deps: Deps, citizenId: string, input: { procedureCode: string; centerId: string }, helperId: string | null = null) {
  const now = deps.clock.now();
  const version = await currentVersion(deps.db, input.procedureCode, now);
  if (!version) throw notFound('catalog.procedure_not_found', 'No procedure with this code is in force.');
  if (version.onlineLevel === 'none') throw new DomainError('business_rule', 'dossier.not_online', 'This procedure cannot be filed online.');
  if (!version.boundaryFree && !(await isOffered(deps.db, input.centerId, version.code))) {
    throw new DomainError('business_rule', 'dossier.procedure_not_offered', 'This center does not receive this procedure.');
  }
  const [row] = await deps.db
    .insert(citizenDrafts)
    .values({ id: deps.ids.next(), citizenId, procedureCode: version.code, centerId: input.centerId, data: {}, helperId, createdAt: now, updatedAt: now })
    .returning();
  return { row: row!, procedureName: version.name };
}

export async function findOwnDraft(deps: Pick<AppContext, 'db'>, citizenId: string, id: string): Promise<DraftRow> {
  const [row] = await deps.db.select().from(citizenDrafts).where(and(eq(citizenDrafts.id, id), eq(citizenDrafts.citizenId, citizenId)));
  if (!row) throw notFound('citizen.draft_not_found', 'No such draft.');
  return row;
}

export function listOwnDrafts(deps: Pick<AppContext, 'db'>, citizenId: string) {
  return deps.db
    .select()
    .from(citizenDrafts)
    .where(and(eq(citizenDrafts.citizenId, citizenId), isNull(citizenDrafts.submittedDossierId)))
    .orderBy(desc(citizenDrafts.updatedAt))
    .limit(50);
}

/** Saves a draft; compare-and-set on `expectedVersion`, so two devices never overwrite each other silently. */
export async function saveDraft(deps: Deps, citizenId: string, id: string, expectedVersion: number, patch: Partial<DraftData>): Promise<DraftRow> {
  const d = await findOwnDraft(deps, citizenId, id);
  if (d.submittedDossierId) throw conflict('citizen.draft_submitted', 'This draft has already been submitted.', { dossierId: d.submittedDossierId });
  if (d.version !== expectedVersion) throw conflict('citizen.draft_stale', 'The draft was changed on another device; reload it.', { version: d.version });
  const data: DraftData = { ...d.data, ...patch };
  const [row] = await deps.db
    .update(citizenDrafts)
    .set({ data, version: d.version + 1, updatedAt: deps.clock.now() })
    .where(and(eq(citizenDrafts.id, d.id), eq(citizenDrafts.version, d.version)))
    .returning();
  if (!row) throw conflict('citizen.draft_stale', 'The draft was changed on another device; reload it.', {});
  return row;
}
