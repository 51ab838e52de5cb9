import type {
  CatalogImportPreview,
  CatalogImportRequest,
  Offering,
  ProcedureContent,
  ProcedureDetail,
  ProcedureSearchResult,
  ProcedureVersion,
  ReviewFlag,
  SetOfferingsRequest,
  VersionDiff,
  VersionListItem,
} from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export type SearchParams = { q?: string; sector?: string; onlineLevel?: string; level?: string; centerId?: string; limit?: number; offset?: number };

function query(params: SearchParams): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') qs.set(key, String(value));
  return qs.toString();
}

const get = <T,>(path: string, signal?: AbortSignal) => request<T>(path, signal ? { signal } : {});

export const catalogApi = {
  search: (params: SearchParams, signal?: AbortSignal) => get<ProcedureSearchResult>(`/api/v1/procedures?${query(params)}`, signal),
  sectors: (signal?: AbortSignal) => get<{ sector: string; count: number }[]>('/api/v1/procedures/sectors', signal),
  procedure: (code: string, signal?: AbortSignal) => get<ProcedureDetail>(`/api/v1/procedures/${encodeURIComponent(code)}`, signal),
  versions: (code: string, signal?: AbortSignal) => get<VersionListItem[]>(`/api/v1/procedures/${encodeURIComponent(code)}/versions`, signal),
  diff: (code: string, from: string, to: string) => get<VersionDiff>(`/api/v1/procedures/${encodeURIComponent(code)}/diff?${query({ from, to } as SearchParams)}`),
  publish: (code: string, body: { content: ProcedureContent; changeNote: string; baseVersionId: string; effectiveFrom?: string }) =>
    request<ProcedureVersion>(`/api/v1/procedures/${encodeURIComponent(code)}/versions`, { method: 'POST', body }),
  flags: (offset = 0, signal?: AbortSignal) => get<{ items: ReviewFlag[]; total: number }>(`/api/v1/catalog/flags?limit=50&offset=${offset}`, signal),
  confirmFlag: (id: string) => request<void>(`/api/v1/catalog/flags/${id}/confirm`, { method: 'POST', body: {} }),
  offerings: (centerId: string, signal?: AbortSignal) => get<Offering[]>(`/api/v1/centers/${centerId}/procedures`, signal),
  setOfferings: (centerId: string, body: SetOfferingsRequest) => request<Offering[]>(`/api/v1/centers/${centerId}/procedures`, { method: 'PUT', body }),
  previewImport: (body: CatalogImportRequest) => request<CatalogImportPreview>('/api/v1/catalog/imports', { method: 'POST', body }),
  applyImport: (id: string) => request<CatalogImportPreview>(`/api/v1/catalog/imports/${id}/apply`, { method: 'POST' }),
};
