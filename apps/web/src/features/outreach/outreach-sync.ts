import type { OutreachSubmission, OutreachSyncResult, OutreachUpload } from '@motcua/contracts';
import { ApiError, request } from '../../lib/api.ts';
import { store, type LocalDossier, type LocalFile, type SyncState } from './outreach-store.ts';

/** Same size the server accepts per chunk; small enough to make progress on a weak connection. */
export const CHUNK_BYTES = 512 * 1024;

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await blob.arrayBuffer()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function submissionOf(d: LocalDossier): OutreachSubmission {
  return {
    key: d.key,
    localNumber: d.localNumber,
    receivedAt: d.receivedAt,
    procedureCode: d.procedureCode,
    procedureVersionId: d.procedureVersionId,
    applicant: d.applicant,
    checklist: d.checklist,
    decision: d.decision,
    ...(d.onSpot ? { onSpot: d.onSpot } : {}),
    files: d.files.map(({ blob: _blob, ...f }) => f),
  };
}

async function readOffset(id: string): Promise<OutreachUpload> {
  return request<OutreachUpload>(`/api/v1/outreach/uploads/${id}`);
}

async function sendChunk(id: string, offset: number, chunk: Blob): Promise<OutreachUpload> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/outreach/uploads/${id}`, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
      body: chunk,
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const body = (await response.json().catch(() => undefined)) as (OutreachUpload & { code?: string; detail?: string }) | undefined;
  if (response.ok && body) return body;
  // The server has another offset (a chunk arrived whose answer was lost): resume from there.
  if (response.status === 409 && body?.code === 'outreach.upload_offset') return readOffset(id);
  throw new ApiError(response.status, body?.code ?? `http_${response.status}`, body as never);
}

/** Sends one file from where the server's copy ends; a hash mismatch restarts it once from 0. */
export async function uploadFile(upload: OutreachUpload, file: LocalFile): Promise<OutreachUpload> {
  let u = upload;
  let restarts = 0;
  while (u.status !== 'complete') {
    try {
      u = await sendChunk(u.id, u.received, file.blob.slice(u.received, Math.min(u.received + CHUNK_BYTES, u.size)));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'outreach.hash_mismatch' && restarts++ < 1) {
        u = await readOffset(u.id);
        continue;
      }
      throw error;
    }
  }
  return u;
}

/**
 * Syncs one dossier: submit with its key (the same key every time, so a retry never duplicates),
 * then upload its photos, resuming each where the server's copy ends. The state is written to
 * IndexedDB after every step; nothing is deleted here.
 */
export async function syncOne(d: LocalDossier): Promise<SyncState> {
  let next: SyncState;
  try {
    const result = await request<OutreachSyncResult>(`/api/v1/outreach/sessions/${d.sessionId}/dossiers`, { method: 'POST', body: submissionOf(d) });
    if (result.state === 'conflict' || !result.dossier) {
      next = { state: 'conflict', conflict: result.conflict! };
      await store.setSync(d.key, next);
      return next;
    }
    const dossier = result.dossier;
    let uploads = result.uploads;
    await store.setSync(d.key, { state: 'uploading', code: dossier.code, dueAt: dossier.dueAt, dossierId: dossier.id, uploads });
    for (const u of result.uploads) {
      if (u.status === 'complete') continue;
      const file = d.files.find((f) => f.itemId === u.itemId && f.sha256 === u.sha256);
      if (!file) continue;
      const done = await uploadFile(u, file);
      uploads = uploads.map((x) => (x.id === done.id ? done : x));
      await store.setSync(d.key, { state: 'uploading', code: dossier.code, dueAt: dossier.dueAt, dossierId: dossier.id, uploads });
    }
    next = { state: 'synced', code: dossier.code, dueAt: dossier.dueAt, dossierId: dossier.id, status: dossier.status };
  } catch (error) {
    // Offline again, or the server refused: the dossier stays on the device, with the reason.
    if (error instanceof ApiError && error.isNetwork) return d.sync;
    next = { state: 'error', message: error instanceof ApiError ? (error.problem?.detail ?? error.code) : String(error) };
  }
  await store.setSync(d.key, next);
  return next;
}

/** Syncs every dossier of the session not yet confirmed, one after another. */
export async function syncSession(sessionId: string): Promise<void> {
  for (const d of await store.dossiers(sessionId)) {
    if (d.sync.state !== 'synced') await syncOne(d);
  }
}
