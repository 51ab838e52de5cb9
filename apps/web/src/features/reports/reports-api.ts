import type { ActivityFigures, DrillResponse, ImportResult, Leaderboard, ScoreResponse, Trend } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export type Period = { from: string; to: string };
export type Summary = { unit: { kind: 'province' | 'unit'; unitCode: string; name: string; provinceCode: string }; from: string; to: string; score: ScoreResponse; activity: ActivityFigures };
export type Breakdown = { by: 'procedure' | 'sector' | 'officer'; rows: { key: string; label: string; received: number; handled: number; onTime: number; late: number; online: number; avgProcessingDays: number | null }[] };
export type OfficerFigures = { from: string; to: string; handled: number; onTime: number; late: number; open: number; openLate: number; avgProcessingDays: number | null };

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();

export const reportsApi = {
  summary: (p: Period & { unitCode?: string | undefined }, signal?: AbortSignal) => request<Summary>(`/api/v1/reports/summary?${qs(p)}`, signal ? { signal } : {}),
  leaderboard: (p: Period, signal?: AbortSignal) => request<Leaderboard>(`/api/v1/reports/leaderboard?${qs(p)}`, signal ? { signal } : {}),
  trend: (p: { unitCode?: string | undefined; to: string; months: number }, signal?: AbortSignal) => request<Trend>(`/api/v1/reports/trend?${qs(p)}`, signal ? { signal } : {}),
  drill: (p: Period & { unitCode?: string | undefined; indicator: string; set: string; limit?: number }, signal?: AbortSignal) =>
    request<DrillResponse>(`/api/v1/reports/drill?${qs(p)}`, signal ? { signal } : {}),
  breakdown: (p: Period & { unitCode: string; by: Breakdown['by'] }, signal?: AbortSignal) => request<Breakdown>(`/api/v1/reports/breakdown?${qs(p)}`, signal ? { signal } : {}),
  officer: (p: Period, signal?: AbortSignal) => request<OfficerFigures>(`/api/v1/reports/officer?${qs(p)}`, signal ? { signal } : {}),
  importFile: (file: File) => request<ImportResult>('/api/v1/imports/dossiers', { method: 'POST', body: new Blob([file], { type: file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/json' }) }),
};

/** Links the browser downloads itself (the session cookie goes with them). */
export const exportUrl = (p: Record<string, string | undefined>) => `/api/v1/reports/export?${qs(p)}`;
export const monthlyPdfUrl = (p: { unitCode?: string | undefined; month: string }) => `/api/v1/reports/monthly.pdf?${qs(p)}`;

/** Indicators with a list of dossiers behind them (the others count procedures or publications). */
export const drillable = new Set(['1.4', '2.1', '3.3', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5b', '4.6', '5.4']);
