import type {
  Center,
  ActionRequest,
  Commune,
  DossierView,
  IntakeRequest,
  ProcedureDetail,
  ProcedureSearchResult,
  ProcedureVersion,
  Province,
  Timeline,
} from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export type Badge = 'late' | 'due_today' | 'at_risk';
export type ApologyDraft = {
  dossierId: string;
  code: string;
  procedureName: string;
  applicantName: string;
  dueAt: string;
  draftedAt: string;
  /** The state whose step consumed the time, e.g. "processing:in_review". */
  causeState: string;
  causeWorkingHours: number;
};
export type ListedDossier = DossierView & { badge: Badge | null };
/** What another commune's civil-status registry says about one person (citizen module's adapter). */
export type MaritalStatusAnswer = { communeCode: string; idNumber: string; found: boolean; fullName?: string; maritalStatus?: 'single' | 'married' | 'divorced' | 'widowed' };
/** A scan attached to a checklist item; the server keeps no original file name. */
export type DossierFile = { id: string; itemId: string; mime: string; size: number; sha256: string; uploadedAt: string };

const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, signal ? { signal } : {});
const post = <T>(path: string, body: unknown) => request<T>(path, { method: 'POST', body });

export const dossierApi = {
  searchProcedures: (q: string, centerId: string | null, signal?: AbortSignal) => {
    const params = new URLSearchParams({ q, limit: '8' });
    if (centerId) params.set('centerId', centerId);
    return get<ProcedureSearchResult>(`/api/v1/procedures?${params}`, signal);
  },
  procedure: (code: string, signal?: AbortSignal) => get<ProcedureDetail>(`/api/v1/procedures/${encodeURIComponent(code)}`, signal),
  /** The version a dossier is pinned to, which may be older than the one in force. */
  procedureVersion: (code: string, versionId: string, signal?: AbortSignal) =>
    get<ProcedureVersion>(`/api/v1/procedures/${encodeURIComponent(code)}/versions/${versionId}`, signal),
  provinces: (signal?: AbortSignal) => get<Province[]>('/api/v1/provinces', signal),
  communes: (provinceCode: string, signal?: AbortSignal) => get<Commune[]>(`/api/v1/provinces/${provinceCode}/communes`, signal),

  /** The key stays the same for every retry of one intake, so a lost answer never makes two dossiers. */
  intake: (body: IntakeRequest, idempotencyKey: string) => request<DossierView>('/api/v1/dossiers', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }),
  list: (assignee: 'me' | 'all', signal?: AbortSignal) => get<{ items: ListedDossier[] }>(`/api/v1/dossiers?assignee=${assignee}&limit=500`, signal),
  get: (id: string, signal?: AbortSignal) => get<DossierView>(`/api/v1/dossiers/${id}`, signal),
  timeline: (id: string, signal?: AbortSignal) => get<Timeline>(`/api/v1/dossiers/${id}/timeline`, signal),
  /** Form 04 drafts for dossiers about to miss their deadline (leaders and the director). */
  apologyDrafts: (signal?: AbortSignal) => get<{ items: ApologyDraft[] }>('/api/v1/dossiers/apology-drafts', signal),
  /** Supplement requests for documents outside the official list (leaders and the director). */
  extraPaper: (signal?: AbortSignal) =>
    get<{ items: { dossierId: string; code: string; procedureName: string; at: string; actorName: string | null; documents: { name: string; legalReason: string }[] }[] }>(
      '/api/v1/dossiers/reports/extra-paper',
      signal,
    ),
  act: (id: string, body: ActionRequest) => post<DossierView>(`/api/v1/dossiers/${id}/actions`, body),
  files: (id: string, signal?: AbortSignal) => get<DossierFile[]>(`/api/v1/dossiers/${id}/files`, signal),
  /** The raw file is the body and its type the Content-Type; the server sniffs the real type. */
  attachFile: (id: string, itemId: string, file: Blob) =>
    request<DossierFile>(`/api/v1/dossiers/${id}/files?itemId=${encodeURIComponent(itemId)}`, { method: 'POST', body: file }),
  fileUrl: (id: string, fileId: string) => `/api/v1/dossiers/${id}/files/${fileId}`,

  maritalStatus: (communeCode: string, idNumber: string) => post<MaritalStatusAnswer>('/api/v1/civil-status/marital-status', { communeCode, idNumber }),

  /** Queue module: records which dossier a called ticket produced. */
  provinceCenters: (signal?: AbortSignal) => get<Center[]>('/api/v1/centers?scope=province', signal),
  linkTicket: (ticketId: string, dossierId: string) => post<{ number: string }>(`/api/v1/queue/tickets/${ticketId}/dossier`, { dossierId }),
};
