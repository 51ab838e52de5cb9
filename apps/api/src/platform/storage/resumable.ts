import { conflict, DomainError } from '../errors.ts';
import type { FileStorage } from './storage.ts';

/** The most one chunk may carry; the upload routes use it as their body limit too. */
export const MAX_CHUNK_BYTES = 2 * 1024 * 1024;

/** What the protocol reads of an upload row. */
export type ResumableUpload = { status: string; received: number; size: number };

export type ChunkTarget<Row> = {
  /** First part of the error codes (`<prefix>.upload_offset`…): the clients of each surface match on them. */
  prefix: string;
  /** Where the bytes received so far wait for the last chunk. */
  partKey: string;
  /** Moves `received` on from the offset the chunk was checked against; null when another request got there first. */
  advance: (received: number) => Promise<Row | null | undefined>;
  /** Takes the whole file once the last chunk arrived; it also removes the part. */
  complete: (bytes: Uint8Array) => Promise<Row>;
};

export const uploadClosed = (prefix: string, details: Record<string, unknown> = {}) =>
  conflict(`${prefix}.upload_closed`, 'This upload is already complete.', details);

/**
 * Appends a chunk at `offset`, tus-style: after a dropped connection the client asks how much
 * arrived and resumes there; a chunk at another offset is a 409 with the offset the server has.
 * The offset is checked against the stored part too, so a part missing from storage is a 409,
 * never a file with a hole in it.
 */
export async function receiveChunk<Row>(storage: FileStorage, upload: ResumableUpload, offset: number, chunk: Uint8Array, target: ChunkTarget<Row>): Promise<Row> {
  const { prefix, partKey } = target;
  const resumeElsewhere = () => conflict(`${prefix}.upload_offset`, 'Resume from the offset the server has.', { received: upload.received });
  if (upload.status !== 'uploading') throw uploadClosed(prefix, { received: upload.received });
  if (offset !== upload.received) throw resumeElsewhere();
  if (chunk.byteLength === 0 || chunk.byteLength > MAX_CHUNK_BYTES || offset + chunk.byteLength > upload.size) {
    throw new DomainError('validation', `${prefix}.bad_chunk`, 'The chunk is empty, too large, or beyond the declared size.', { errors: [{ path: 'body', message: 'bad chunk' }] });
  }
  const before = offset > 0 ? await storage.get(partKey) : new Uint8Array(0);
  if (!before || before.byteLength !== offset) throw resumeElsewhere();
  const joined = new Uint8Array(offset + chunk.byteLength);
  joined.set(before, 0);
  joined.set(chunk, offset);
  if (joined.byteLength === upload.size) return target.complete(joined);
  await storage.put(partKey, joined, 'application/octet-stream');
  const row = await target.advance(joined.byteLength);
  if (!row) throw conflict(`${prefix}.upload_offset`, 'Another upload of this file moved on; ask for the offset.', {});
  return row;
}
