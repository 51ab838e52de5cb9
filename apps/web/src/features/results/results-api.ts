import type { DossierView, PublicResult, ResultView, SignRequest, SignResponse, VerifyResponse } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

/**
 * URLs of the forms and e-results, for any page that links to them (the staff dossier page opens
 * forms and signs from here). Forms and results are PDFs the browser opens itself.
 */
export type FormNo = '01' | '02' | '03' | '04' | '05' | '06';

/** A printable form of a dossier; `thermal` is the 80 mm receipt (Form 01 only). */
export const formPdfUrl = (dossierId: string, form: FormNo, layout: 'a4' | 'thermal' = 'a4') =>
  `/api/v1/dossiers/${dossierId}/forms/${form}.pdf${layout === 'thermal' ? '?layout=thermal' : ''}`;

/** The signed e-result file (staff of the dossier's centers). */
export const resultPdfUrl = (code: string) => `/api/v1/results/${encodeURIComponent(code)}/pdf`;

/** The public page a result's QR code opens. */
export const verifyPageUrl = (code?: string) => (code ? `/xac-thuc/${encodeURIComponent(code)}` : '/xac-thuc');

export const resultsApi = {
  /** The leader's one-click sign: approves the dossier and issues its signed e-result. */
  sign: (d: Pick<DossierView, 'id' | 'version'>, body: Omit<SignRequest, 'expectedVersion'> = {}) =>
    request<SignResponse>(`/api/v1/dossiers/${d.id}/sign`, { method: 'POST', body: { ...body, expectedVersion: d.version } }),
  ofDossier: (dossierId: string, signal?: AbortSignal) => request<{ items: ResultView[] }>(`/api/v1/dossiers/${dossierId}/results`, signal ? { signal } : {}),
  lookup: (code: string, signal?: AbortSignal) => request<PublicResult>(`/api/v1/results/${encodeURIComponent(code)}`, signal ? { signal } : {}),
  verify: (file: Blob) => request<VerifyResponse>('/api/v1/results/verify', { method: 'POST', body: file.type ? file : new Blob([file], { type: 'application/pdf' }) }),
};
