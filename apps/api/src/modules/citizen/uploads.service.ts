import { and, desc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { receiveChunk, uploadClosed } from '../../platform/storage/resumable.ts';
import { sha256Hex } from '../../platform/storage/storage.ts';
import { citizenFiles } from './citizen.tables.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export { MAX_CHUNK_BYTES } from '../../platform/storage/resumable.ts';
const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export type ScanVerdict = { clean: true } | { clean: false; reason: string };
/** Virus-scan hook: called once per completed upload, before the file is usable. */
export type VirusScanner = (bytes: Uint8Array, meta: { name: string; mime: string }) => Promise<ScanVerdict>;

let scanner: VirusScanner = async () => ({ clean: true });
/** Plug in a scanner (e.g. a ClamAV client); the default accepts everything. */
export function setVirusScanner(s: VirusScanner | null): void {
  scanner = s ?? (async () => ({ clean: true }));
}

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'storage'>;
export type CitizenFileRow = typeof citizenFiles.$inferSelect;

const partKey = (f: Pick<CitizenFileRow, 'citizenId' | 'id'>) => `citizens/${f.citizenId}/uploads/${f.id}.part`;

export async function createUpload(deps: Deps, citizenId: string, input: { name: string; mime: string; size: number; itemId?: string | undefined }) {
  if (input.size > MAX_UPLOAD_BYTES) {
    throw new DomainError('validation', 'citizen.file_too_large', 'Files may be at most 10 MB.', { errors: [{ path: 'size', message: 'at most 10 MB' }] });
  }
  const id = deps.ids.next();
  const [row] = await deps.db
    .insert(citizenFiles)
    .values({ id, citizenId, itemId: input.itemId ?? null, name: input.name, mime: input.mime, size: input.size, received: 0, fileKey: `citizens/${citizenId}/files/${id}.${EXT[input.mime] ?? 'bin'}`, status: 'uploading', createdAt: deps.clock.now() })
    .returning();
  return row!;
}

export async function findOwnFile(deps: Pick<AppContext, 'db'>, citizenId: string, id: string): Promise<CitizenFileRow> {
  const [row] = await deps.db.select().from(citizenFiles).where(and(eq(citizenFiles.id, id), eq(citizenFiles.citizenId, citizenId)));
  if (!row) throw notFound('citizen.file_not_found', 'No such file.');
  return row;
}

/**
 * Appends a chunk at `offset` (the protocol is in `platform/storage/resumable.ts`). The last chunk
 * completes the upload: type sniffed from the bytes, SHA-256 kept, virus-scan hook run.
 */
export async function appendChunk(deps: Deps, citizenId: string, id: string, offset: number, chunk: Uint8Array): Promise<CitizenFileRow> {
  const f = await findOwnFile(deps, citizenId, id);
  return receiveChunk(deps.storage, f, offset, chunk, {
    prefix: 'citizen',
    partKey: partKey(f),
    advance: async (received) => {
      const [row] = await deps.db
        .update(citizenFiles)
        .set({ received })
        .where(and(eq(citizenFiles.id, f.id), eq(citizenFiles.received, offset)))
        .returning();
      return row;
    },
    complete: (bytes) => complete(deps, f, bytes),
  });
}

async function complete(deps: Deps, f: CitizenFileRow, bytes: Uint8Array): Promise<CitizenFileRow> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const verdict: ScanVerdict = sniffed?.mime !== f.mime ? { clean: false, reason: `the file is ${sniffed?.mime ?? 'of an unknown type'}, not ${f.mime}` } : await scanner(bytes, { name: f.name, mime: f.mime });
  const now = deps.clock.now();
  if (!verdict.clean) {
    await deps.storage.delete(partKey(f));
    await deps.db.update(citizenFiles).set({ status: 'rejected', received: bytes.byteLength, completedAt: now }).where(eq(citizenFiles.id, f.id));
    throw new DomainError('validation', 'citizen.file_rejected', `The file was not accepted: ${verdict.reason}.`, { errors: [{ path: 'body', message: verdict.reason }] });
  }
  await deps.storage.put(f.fileKey, bytes, f.mime);
  await deps.storage.delete(partKey(f));
  const sha256 = sha256Hex(bytes);
  const [row] = await deps.db
    .update(citizenFiles)
    .set({ received: bytes.byteLength, sha256, status: 'complete', completedAt: now })
    .where(and(eq(citizenFiles.id, f.id), eq(citizenFiles.status, 'uploading')))
    .returning();
  if (!row) throw uploadClosed('citizen');
  return row;
}

/** The citizen's document store: completed files, newest first. */
export function listOwnFiles(deps: Pick<AppContext, 'db'>, citizenId: string) {
  return deps.db
    .select()
    .from(citizenFiles)
    .where(and(eq(citizenFiles.citizenId, citizenId), eq(citizenFiles.status, 'complete')))
    .orderBy(desc(citizenFiles.createdAt))
    .limit(200);
}

