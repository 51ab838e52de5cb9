import type { PetitionPublic, PetitionStaffView, PetitionSubmit, PublicCenter, RatingRequest, RatingState, RatingView } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

type Proof = { secondFactor?: string; ticketId?: string };
const query = (p: Proof) => {
  const q = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return q.size > 0 ? `?${q}` : '';
};

export const feedbackApi = {
  ratingState: (code: string, proof: Proof, signal?: AbortSignal) => request<RatingState>(`/api/v1/feedback/ratings/${encodeURIComponent(code)}${query(proof)}`, signal ? { signal } : {}),
  rate: (body: RatingRequest) => request<RatingView>('/api/v1/feedback/ratings', { method: 'POST', body }),
  centers: (signal?: AbortSignal) => request<PublicCenter[]>('/api/v1/queue/centers', signal ? { signal } : {}),
  submit: (body: PetitionSubmit) => request<{ code: string; secret: string; receivedAt: string; dueAt: string }>('/api/v1/petitions', { method: 'POST', body }),
  publicOne: (code: string, secret: string | null, signal?: AbortSignal) =>
    request<PetitionPublic>(`/api/v1/petitions/public/${encodeURIComponent(code)}${secret ? `?secret=${encodeURIComponent(secret)}` : ''}`, signal ? { signal } : {}),
  followUp: (code: string, body: { secret: string; info?: string; satisfaction?: 'satisfied' | 'dissatisfied' }) =>
    request<PetitionPublic>(`/api/v1/petitions/public/${encodeURIComponent(code)}/follow-up`, { method: 'POST', body }),
  desk: (open: boolean, signal?: AbortSignal) => request<{ items: PetitionStaffView[] }>(`/api/v1/petitions?open=${open ? 1 : 0}`, signal ? { signal } : {}),
  act: (id: string, body: { action: 'refuse' | 'request_info' | 'answer'; text: string; expectedVersion: number }) =>
    request<PetitionStaffView>(`/api/v1/petitions/${id}/actions`, { method: 'POST', body }),
};

export const ratePageUrl = (code: string) => `/citizen/dossiers/${encodeURIComponent(code)}/rate`;
export const petitionPageUrl = (code: string, secret?: string) => `/pakn/${encodeURIComponent(code)}${secret ? `?k=${encodeURIComponent(secret)}` : ''}`;

/** "2026-03-12T10:00:00+07:00" → "10:00 12/03/2026" (times are already in Vietnam time). */
export const vnTime = (iso: string) => `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
