import { createHash } from 'node:crypto';
import type { OutreachUpload } from '@motcua/contracts';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { conflict, DomainError, notFound } from '../../platform/errors.ts';
import { attachFile } from '../dossier/index.ts';
import { advanceUpload, findUpload } from './outreach.repo.ts';
import type { UploadRow } from './outreach.tables.ts';
import { requireIntakeStaff } from './sessions.service.ts';

/** Same chunk size as the citizen portal's resumable uploads. */
export const MAX_CHUNK_BYTES = 2 * 1024 * 1024;

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
 * Appends a chunk at `offset`, the protocol of the citizen portal's uploads: after a dropped
 * connection the device asks how much arrived (GET) and resumes there; a chunk at another offset
 * is a 409 with the offset the server has. The last chunk completes the upload only if the whole
 * file's SHA-256 is the one declared at sync; then the scan is attached to the dossier's checklist
 * item. A mismatch discards the bytes so the device can send the file again from 0.
 */
export async function appendChunk(deps: Deps, actor: Actor, id: string, offset: number, chunk: Uint8Array): Promise<UploadRow> {
  const u = await uploadOf(deps, actor, id);
  if (u.status !== 'uploading') throw conflict('outreach.upload_closed', 'This upload is already complete.', { received: u.received });
  if (offset !== u.received) throw conflict('outreach.upload_offset', 'Resume from the offset the server has.', { received: u.received });
  if (chunk.byteLength === 0 || chunk.byteLength > MAX_CHUNK_BYTES || offset + chunk.byteLength > u.size) {
    throw new DomainError('validation', 'outreach.bad_chunk', 'The chunk is empty, too large, or beyond the declared size.', { errors: [{ path: 'body', message: 'bad chunk' }] });
  }
  const before = offset > 0 ? await deps.storage.get(partKey(u)) : new Uint8Array(0);
  if (!before || before.byteLength !== offset) throw conflict('outreach.upload_offset', 'Resume from the offset the server has.', { received: u.received });
  const joined = new Uint8Array(offset + chunk.byteLength);
  joined.set(before, 0);
  joined.set(chunk, offset);
  if (joined.byteLength < u.size) {
    await deps.storage.put(partKey(u), joined, 'application/octet-stream');
    const row = await advanceUpload(deps.db, u.id, offset, { received: joined.byteLength });
    if (!row) throw conflict('outreach.upload_offset', 'Another upload of this file moved on; ask for the offset.', {});
    return row;
  }
  const sha256 = createHash('sha256').update(joined).digest('hex');
  if (sha256 !== u.sha256) {
    await advanceUpload(deps.db, u.id, offset, { received: 0 });
    await deps.storage.delete(partKey(u));
    throw new DomainError('validation', 'outreach.hash_mismatch', 'The file that arrived is not the one taken on the device (SHA-256 differs); send it again.', {
      errors: [{ path: 'body', message: `sha256 ${sha256} ≠ ${u.sha256}` }],
    });
  }
  const done = await deps.db.transaction(async (tx) => {
    const file = await attachFile({ ...deps, db: tx }, actor, u.dossierId, u.itemId, joined);
    const row = await advanceUpload(tx, u.id, offset, { received: joined.byteLength, status: 'complete', fileId: file.id, completedAt: deps.clock.now() });
    if (!row) throw conflict('outreach.upload_closed', 'This upload is already complete.', {});
    return row;
  });
  await deps.storage.delete(partKey(u));
  return done;
}
