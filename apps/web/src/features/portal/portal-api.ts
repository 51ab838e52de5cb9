import type { CitizenFileView, CitizenProfile, DraftView, TrackView } from '@motcua/contracts';
import { ApiError, request as shared } from '../../lib/api.ts';
import { shrinkImage } from '../dossier/shrink-image.ts';

export type MyDossier = {
  id: string;
  code: string;
  procedureName: string;
  status: TrackView['status'];
  statusCode: number;
  receivedAt: string;
  dueAt: string | null;
  feeTotal: number;
  feePaid: boolean;
  nextStep: TrackView['nextStep'];
  trackingSecret: string;
  helperName: string | null;
};
export type StoreResult = { id: string; code: string; procedureName: string; signedAt: string };
export type InAppMessage = { id: string; event: string; dossierId: string | null; body: string; createdAt: string; read: boolean };
export type DraftPatch = { expectedVersion: number; applicant?: Record<string, unknown>; fields?: Record<string, string>; attachments?: DraftView['attachments'] };

const BEHALF_KEY = 'motcua.onBehalfOf';
/** Assisted mode: the citizen an officer or volunteer is filing for (kept for this browser tab only). */
export function onBehalfOf(): { citizenId: string; phone: string } | null {
  try {
    return JSON.parse(sessionStorage.getItem(BEHALF_KEY) ?? 'null') as { citizenId: string; phone: string } | null;
  } catch {
    return null;
  }
}
export function setOnBehalfOf(who: { citizenId: string; phone: string } | null): void {
  if (who) sessionStorage.setItem(BEHALF_KEY, JSON.stringify(who));
  else sessionStorage.removeItem(BEHALF_KEY);
}
const behalfHeader = (): Record<string, string> => {
  const who = onBehalfOf();
  return who ? { 'x-on-behalf-of': who.citizenId } : {};
};

/** Every portal call carries the assisted-mode header when one is set; otherwise as the shared client. */
function request<T>(path: string, o: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  if (!onBehalfOf()) return shared<T>(path, o);
  return send<T>(path, {
    method: o.method ?? 'GET',
    headers: { ...behalfHeader(), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

export const portalApi = {
  recordConsent: (phone: string, fullName: string) => request<{ citizenId: string; consentId: string; phone: string }>('/api/v1/assisted/consents', { method: 'POST', body: { phone, ...(fullName ? { fullName } : {}), consent: true } }),
  me: (signal?: AbortSignal) => request<CitizenProfile>('/api/v1/citizen/me', signal ? { signal } : {}),
  updateMe: (body: Partial<Pick<CitizenProfile, 'channels' | 'language' | 'email' | 'fullName'>>) => patchJson<CitizenProfile>('/api/v1/citizen/me', body),
  requestOtp: (phone: string) => request<{ expiresInSeconds: number }>('/api/v1/citizen/otp', { method: 'POST', body: { phone } }),
  verifyOtp: (phone: string, code: string) => request<{ citizen: CitizenProfile }>('/api/v1/citizen/otp/verify', { method: 'POST', body: { phone, code } }),
  oidcInfo: () => request<{ enabled: boolean }>('/api/v1/citizen/oidc'),
  signOut: () => request<void>('/api/v1/auth/logout', { method: 'POST' }),
  centers: (code: string) => request<{ onlineLevel: 'full' | 'partial' | 'none'; centers: { id: string; name: string; agencyCode: string }[] }>(`/api/v1/citizen/procedures/${encodeURIComponent(code)}/centers`),
  createDraft: (procedureCode: string, centerId: string) => request<DraftView>('/api/v1/citizen/drafts', { method: 'POST', body: { procedureCode, centerId } }),
  drafts: () => request<{ items: DraftView[] }>('/api/v1/citizen/drafts'),
  draft: (id: string) => request<DraftView>(`/api/v1/citizen/drafts/${id}`),
  saveDraft: (id: string, body: DraftPatch) => request<DraftView>(`/api/v1/citizen/drafts/${id}`, { method: 'PUT', body }),
  prefill: (id: string, idNumber: string, expectedVersion: number) => request<DraftView>(`/api/v1/citizen/drafts/${id}/prefill`, { method: 'POST', body: { idNumber, expectedVersion, consent: true } }),
  submit: (id: string) => request<MyDossier>(`/api/v1/citizen/drafts/${id}/submit`, { method: 'POST', body: {} }),
  store: () => request<{ files: CitizenFileView[]; results: StoreResult[] }>('/api/v1/citizen/files'),
  dossiers: () => request<{ items: MyDossier[] }>('/api/v1/citizen/dossiers'),
  dossier: (id: string) => request<TrackView>(`/api/v1/citizen/dossiers/${id}`),
  answerSupplement: (id: string, files: { key: string; fileId: string }[]) => request<TrackView>(`/api/v1/citizen/dossiers/${id}/supplement`, { method: 'POST', body: { files } }),
  messages: () => request<{ items: InAppMessage[] }>('/api/v1/citizen/notifications'),
  track: (code: string, factor: string) => request<TrackView>('/api/v1/track', { method: 'POST', body: { code, factor } }),
  devMessages: () => request<{ items: { id: string; channel: string; to: string; text: string; at: string }[] }>('/api/v1/dev/messages'),
};

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...behalfHeader(), ...init.headers } });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => undefined)) as { code?: string } | undefined;
  if (res.ok) return data as T;
  throw new ApiError(res.status, data?.code ?? `http_${res.status}`, data as never);
}

const patchJson = <T,>(path: string, body: unknown) => send<T>(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const CHUNK = 256 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * Resumable upload for slow links: announce the file, then send 256 KB chunks at the offset the
 * server has; after a dropped connection ask for the offset and go on from there. Photos are
 * shrunk in the browser first.
 */
export async function uploadFile(original: File, itemId: string, onProgress: (percent: number) => void): Promise<CitizenFileView> {
  const file = await shrinkImage(original);
  const created = await request<CitizenFileView>('/api/v1/citizen/uploads', { method: 'POST', body: { name: file.name.slice(0, 200), mime: file.type, size: file.size, itemId } });
  let offset = 0;
  let failures = 0;
  let last = created;
  while (offset < file.size) {
    const chunk = file.slice(offset, offset + CHUNK);
    try {
      last = await send<CitizenFileView>(`/api/v1/citizen/uploads/${created.id}`, { method: 'PATCH', headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, body: chunk });
      offset = last.received;
      failures = 0;
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 0 && error.status !== 409) || ++failures > 5) throw error;
      await new Promise((r) => setTimeout(r, 1000 * failures));
      offset = (await request<CitizenFileView>(`/api/v1/citizen/uploads/${created.id}`)).received;
    }
    onProgress(Math.round((offset / file.size) * 100));
  }
  return last;
}
