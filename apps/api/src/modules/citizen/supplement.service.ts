import { and, eq } from 'drizzle-orm';
import type { SupplementAnswer } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError, notFound, type FieldError } from '../../platform/errors.ts';
import { getVersion } from '../catalog/index.ts';
import { act, attachStoredFilesInTx, findDossier, listEvents, type DossierRow, type StoredFile } from '../dossier/index.ts';
import { dossierOnline } from './citizen.tables.ts';
import type { Filer } from './submit.service.ts';
import { requestedItems, type RequestedItem } from './supplement.rules.ts';
import { findOwnFile } from './uploads.service.ts';

/** What the latest supplement request of a dossier asks for (empty when none is open). */
export async function openSupplementRequest(deps: Pick<AppContext, 'db'>, d: DossierRow): Promise<RequestedItem[]> {
  if (d.status !== 'supplement_requested') return [];
  const last = (await listEvents(deps.db, d.id)).reverse().find((e) => e.action === 'request_supplement');
  if (!last) return [];
  const version = await getVersion(deps.db, d.procedureVersionId);
  const requested = (last.data as { requested?: { itemId?: string; name?: string; note?: string; legalReason?: string }[] }).requested ?? [];
  return requestedItems(requested, (itemId) => version?.documents.find((doc) => doc.id === itemId)?.name);
}

/**
 * The citizen who filed a dossier answers its supplement request online: one completed upload per
 * document asked for. In one transaction the files are attached and the dossier goes back to where
 * it was (`receive_supplement`: pre-check or review, the legal clock running again), recorded on the
 * timeline and, like every change, synced to the portal. In assisted mode `actor` is the officer or
 * volunteer whose consent from the citizen `subjectOf` found: the timeline names them as acting, with
 * `helpedBy` and the consent, as for an assisted filing; a volunteer acts through the citizen's rights.
 */
export async function answerSupplement(ctx: AppContext, actor: Actor, subject: { citizenId: string; filer: Filer }, dossierId: string, input: SupplementAnswer): Promise<DossierRow> {
  const { citizenId, filer } = subject;
  const [link] = await ctx.db.select().from(dossierOnline).where(and(eq(dossierOnline.dossierId, dossierId), eq(dossierOnline.citizenId, citizenId)));
  const d = link ? await findDossier(ctx.db, dossierId) : null;
  if (!d) throw notFound('dossier.not_found', 'No such dossier.');
  const asked = await openSupplementRequest(ctx, d);
  if (asked.length === 0) throw conflict('citizen.no_supplement_requested', 'No supplement is asked for this dossier now.', { currentStatus: d.status, version: d.version });

  const errors: FieldError[] = [];
  const files: StoredFile[] = [];
  for (const item of asked) {
    const given = input.files.find((f) => f.key === item.key);
    const f = given ? await findOwnFile(ctx, citizenId, given.fileId).catch(() => null) : null;
    if (!given) errors.push({ path: `files.${item.key}`, message: `no file for: ${item.name}` });
    else if (!f || f.status !== 'complete' || !f.sha256) errors.push({ path: `files.${item.key}`, message: 'the file is missing or not completely uploaded' });
    else files.push({ itemId: item.key, fileKey: f.fileKey, mime: f.mime, size: f.size, sha256: f.sha256 });
  }
  for (const f of input.files) if (!asked.some((a) => a.key === f.key)) errors.push({ path: `files.${f.key}`, message: 'this document was not asked for' });
  if (errors.length > 0) throw new DomainError('validation', 'citizen.supplement_incomplete', 'Upload every document asked for.', { errors });

  const assisted = filer.userId !== citizenId ? { helpedBy: { userId: filer.userId, role: filer.volunteer ? 'volunteer' : filer.role, name: filer.name }, consentId: filer.consentId } : {};
  return act(
    ctx,
    actor,
    d.id,
    { action: 'receive_supplement', ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}) },
    { owner: true, inTransaction: async (tx) => ({ channel: 'online', files: await attachStoredFilesInTx(tx, ctx, d.id, actor.userId, files), ...assisted }) },
  );
}
