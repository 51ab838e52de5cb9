import type { OutreachUpload } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { receiveChunk, uploadClosed } from '../../platform/storage/resumable.ts';
import { sha256Hex } from '../../platform/storage/storage.ts';
import { attachFile } from '../dossier/index.ts';
import { advanceUpload, findUpload } from './outreach.repo.ts';
import type { UploadRow } from './outreach.tables.ts';
import { requireIntakeStaff } from './sessions.service.ts';

/** Same chunk size as the citizen portal's resumable uploads. */
export { MAX_CHUNK_BYTES } from '../../platform/storage/resumable.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'storage'>;

const partKey = (u: Pick<UploadRow, 'id'>) => `outreach/uploads/${u.id}.part`;

export const uploadView = (u: UploadRow): OutreachUpload => ({ id: u.id, itemId: u.itemId, name: u.name, mime: u.mime, size: u.size, received: u.received, sha256: u.sha256, status: u.status });

export async function uploadOf(deps: Pick<AppContext, 'db'>, actor: Actor, id: string): Promise<UploadRow> {
  const centerId = requireIntakeStaff(actor);
  const u = await findUpload(deps.db, id);
  if (!u || u.centerId !== centerId) throw notFound('outreach.upload_not_found', 'No such upload.');
  return u;
}

/**
 * Appends a chunk at `offset`, the protocol of the citizen portal's uploads
 * (`platform/storage/resumable.ts`). The last chunk completes the upload only if the whole file's
 * SHA-256 is the one declared at sync; then the scan is attached to the dossier's checklist item.
 * A mismatch discards the bytes so the device can send the file again from 0.
 */
export async function appendChunk(deps: Deps, actor: Actor, id: string, offset: number, chunk: Uint8Array): Promise<UploadRow> {
  const u = await uploadOf(deps, actor, id);
  return receiveChunk(deps.storage, u, offset, chunk, {
    prefix: 'outreach',
    partKey: partKey(u),
    advance: (received) => advanceUpload(deps.db, u.id, offset, { received }),
    complete: (bytes) => complete(deps, actor, u, bytes),
  });
}

async function complete(deps: Deps, actor: Actor, u: UploadRow, bytes: Uint8Array): Promise<UploadRow> {
  const sha256 = sha256Hex(bytes);
  if (sha256 !== u.sha256) {
    await advanceUpload(deps.db, u.id, u.received, { received: 0 });
    await deps.storage.delete(partKey(u));
    throw new DomainError('validation', 'outreach.hash_mismatch', 'The file that arrived is not the one taken on the device (SHA-256 differs); send it again.', {
      errors: [{ path: 'body', message: `sha256 ${sha256} ≠ ${u.sha256}` }],
    });
  }
  const done = await deps.db.transaction(async (tx) => {
    const file = await attachFile({ ...deps, db: tx }, actor, u.dossierId, u.itemId, bytes);
    const row = await advanceUpload(tx, u.id, u.received, { received: bytes.byteLength, status: 'complete', fileId: file.id, completedAt: deps.clock.now() });
    if (!row) throw uploadClosed('outreach');
    return row;
  });
  await deps.storage.delete(partKey(u));
  return done;
}
