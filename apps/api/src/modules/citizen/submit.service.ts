import { and, eq, isNull } from 'drizzle-orm';
import { Applicant } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError, type FieldError } from '../../platform/errors.ts';
import { findDossier, submitOnline, type DossierRow, type OnlineSubmission } from '../dossier/index.ts';
import { listResults } from '../results/index.ts';
import { citizenDrafts, dossierOnline, dossierReuse, type ReuseSource } from './citizen.tables.ts';
import { findOwnDraft } from './drafts.service.ts';
import { findOwnFile } from './uploads.service.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;

/** Who files: the citizen, or an officer / volunteer on their behalf (assisted mode, with the consent recorded). */
export type Filer = { userId: string; role: 'citizen' | 'counter_officer' | 'leader' | 'director'; name: string; volunteer: boolean; consentId: string | null };

/** Earlier e-results of the citizen's own dossiers: offered instead of asking for the paper again. */
export async function earlierResults(deps: Pick<AppContext, 'db'>, citizenId: string) {
  const mine = await deps.db.select({ dossierId: dossierOnline.dossierId }).from(dossierOnline).where(eq(dossierOnline.citizenId, citizenId));
  const all = await Promise.all(mine.map((m) => listResults(deps.db, m.dossierId)));
  return all.flat();
}

/** Submits a draft as an online dossier (status 1), recording who helped and each component reused. */
export async function submitDraft(deps: Deps, citizenId: string, draftId: string, filer: Filer): Promise<DossierRow> {
  const d = await findOwnDraft(deps, citizenId, draftId);
  if (d.submittedDossierId) throw conflict('citizen.draft_submitted', 'This draft has already been submitted.', { dossierId: d.submittedDossierId });
  const errors: FieldError[] = [];
  const applicant = Applicant.safeParse(d.data.applicant ?? {});
  if (!applicant.success) for (const i of applicant.error.issues) errors.push({ path: `applicant.${i.path.join('.')}`, message: i.message });

  const files: OnlineSubmission['files'] = [];
  const reuse: { itemId: string; source: ReuseSource; ref: string | null }[] = [];
  const results = await earlierResults(deps, citizenId);
  for (const [itemId, a] of Object.entries(d.data.attachments ?? {})) {
    if (a.source === 'population_db') {
      if (!d.data.populationUsed) errors.push({ path: `attachments.${itemId}`, message: 'fill from the population registry first (with consent)' });
      else reuse.push({ itemId, source: 'population_db', ref: null });
      continue;
    }
    if (!a.fileId) {
      errors.push({ path: `attachments.${itemId}`, message: 'no file chosen' });
      continue;
    }
    if (a.source === 'earlier_result') {
      const r = results.find((x) => x.id === a.fileId);
      if (!r) errors.push({ path: `attachments.${itemId}`, message: 'not one of your earlier results' });
      else {
        files.push({ itemId, fileKey: r.fileKey, mime: 'application/pdf', size: r.sizeBytes, sha256: r.sha256 });
        reuse.push({ itemId, source: 'earlier_result', ref: r.code });
      }
      continue;
    }
    const f = await findOwnFile(deps, citizenId, a.fileId).catch(() => null);
    if (!f || f.status !== 'complete' || !f.sha256) {
      errors.push({ path: `attachments.${itemId}`, message: 'the file is missing or not completely uploaded' });
      continue;
    }
    files.push({ itemId, fileKey: f.fileKey, mime: f.mime, size: f.size, sha256: f.sha256 });
    // Taken from the store: a file the citizen had uploaded before starting this draft.
    if (a.source === 'document_store' && f.createdAt < d.createdAt) reuse.push({ itemId, source: 'document_store', ref: f.id });
  }
  if (errors.length > 0) throw new DomainError('validation', 'dossier.invalid_submission', 'The dossier cannot be submitted as entered.', { errors });

  const checklist = Object.keys(d.data.attachments ?? {}).map((itemId) => ({ itemId, provided: true }));
  const helped = filer.role !== 'citizen' || filer.userId !== citizenId;
  const now = deps.clock.now();
  const actor = { userId: filer.userId, role: filer.role };
  return submitOnline(
    deps,
    actor,
    {
      procedureCode: d.procedureCode,
      centerId: d.centerId,
      applicant: applicant.data!,
      checklist,
      files,
      fields: d.data.fields ?? {},
      helper: helped ? { userId: filer.userId, role: filer.volunteer ? 'volunteer' : filer.role, name: filer.name } : null,
    },
    {
      inTransaction: async (tx, row) => {
        const claimed = await tx
          .update(citizenDrafts)
          .set({ submittedDossierId: row.id, updatedAt: now })
          .where(and(eq(citizenDrafts.id, d.id), isNull(citizenDrafts.submittedDossierId)))
          .returning({ id: citizenDrafts.id });
        if (claimed.length === 0) throw conflict('citizen.draft_submitted', 'This draft has already been submitted.', {});
        await tx.insert(dossierOnline).values({
          dossierId: row.id,
          citizenId,
          draftId: d.id,
          submittedAt: now,
          helperId: helped ? filer.userId : null,
          helperRole: helped ? (filer.volunteer ? 'volunteer' : filer.role) : null,
          consentId: filer.consentId,
          populationDataUsed: d.data.populationUsed ?? false,
          reusedComponents: reuse.length,
        });
        if (reuse.length > 0) await tx.insert(dossierReuse).values(reuse.map((r) => ({ dossierId: row.id, ...r })));
      },
    },
  );
}

/** The citizen's online dossiers, newest first. */
export async function myDossiers(deps: Pick<AppContext, 'db'>, citizenId: string) {
  const links = await deps.db.select().from(dossierOnline).where(eq(dossierOnline.citizenId, citizenId));
  const rows = await Promise.all(links.map(async (l) => ({ link: l, dossier: await findDossier(deps.db, l.dossierId) })));
  return rows.filter((r): r is { link: typeof r.link; dossier: DossierRow } => r.dossier !== null).sort((a, b) => b.link.submittedAt.getTime() - a.link.submittedAt.getTime());
}
