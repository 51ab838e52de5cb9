import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { canWork, visibleOr404 } from './dossier.access.ts';
import { recordEvent } from './dossier.events.ts';
import { procedures } from './dossier.ports.ts';
import { findDossier } from './dossier.repo.ts';
import { joinState } from './dossier.states.ts';
import { dossierFiles } from './dossier.tables.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'storage'>;

/**
 * Attaches a scan to an item of the dossier's checklist. The type is sniffed from the bytes (the
 * declared Content-Type is not trusted); the file is stored first and recorded after, so a crash in
 * between leaves an orphan file at worst, never a record pointing at nothing.
 */
export async function attachFile(deps: Deps, actor: Actor, dossierId: string, itemId: string, bytes: Uint8Array) {
  const d = visibleOr404(actor, await findDossier(deps.db, dossierId));
  if (!canWork(actor, d)) throw forbidden('dossier.read_only', 'You can read this dossier but not add files to it.');
  const version = await procedures.version(deps.db, d.procedureVersionId);
  if (!version?.documents.some((doc) => doc.id === itemId)) {
    throw new DomainError('validation', 'dossier.unknown_item', 'This item is not in the procedure’s document list.', { errors: [{ path: 'itemId', message: 'not in the document list' }] });
  }
  if (bytes.byteLength === 0) throw new DomainError('validation', 'dossier.empty_file', 'The file is empty.', { errors: [{ path: 'body', message: 'empty' }] });
  const sniffed = await fileTypeFromBuffer(bytes);
  const ext = sniffed ? ALLOWED.get(sniffed.mime) : undefined;
  if (!sniffed || !ext) {
    throw new DomainError('validation', 'dossier.file_type', 'Only PDF, JPEG or PNG scans are accepted.', { errors: [{ path: 'body', message: `detected ${sniffed?.mime ?? 'unknown type'}` }] });
  }
  const now = deps.clock.now();
  const id = deps.ids.next();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileKey = `dossiers/${d.id}/${id}.${ext}`;
  await deps.storage.put(fileKey, bytes, sniffed.mime);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dossierFiles)
      .values({ id, dossierId: d.id, itemId, fileKey, mime: sniffed.mime, size: bytes.byteLength, sha256, uploadedBy: actor.userId, uploadedAt: now })
      .returning();
    // Lock the dossier row so the event chain grows one link at a time.
    await tx.execute(sql`select 1 from dossiers where id = ${d.id} for update`);
    const state = joinState(d.status, d.step);
    await recordEvent(tx, deps.ids, { dossierId: d.id, at: now, actor, action: 'attach_file', fromState: state, toState: state, data: { itemId, fileId: id, sha256, mime: sniffed.mime, size: bytes.byteLength } });
    return row!;
  });
}

export async function listFiles(deps: Pick<AppContext, 'db'>, actor: Actor, dossierId: string) {
  visibleOr404(actor, await findDossier(deps.db, dossierId));
  return deps.db.select().from(dossierFiles).where(eq(dossierFiles.dossierId, dossierId)).orderBy(asc(dossierFiles.uploadedAt));
}

export async function readFile(deps: Pick<AppContext, 'db' | 'storage'>, actor: Actor, dossierId: string, fileId: string) {
  visibleOr404(actor, await findDossier(deps.db, dossierId));
  const [row] = await deps.db.select().from(dossierFiles).where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.id, fileId)));
  const bytes = row ? await deps.storage.get(row.fileKey) : null;
  if (!row || !bytes) throw notFound('dossier.file_not_found', 'No such file.');
  return { row, bytes };
}
