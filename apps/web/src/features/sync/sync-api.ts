import type { ResyncResult, SyncDashboard, SyncDeadLetter, SyncFailure, SyncReconciliation, SyncRetryResult } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export const syncApi = {
  dashboard: (signal?: AbortSignal) => request<SyncDashboard>('/api/v1/sync/dashboard?target=portal', signal ? { signal } : {}),
  failures: (centerId: string) => request<{ items: SyncFailure[] }>(`/api/v1/sync/centers/${centerId}/failures?target=portal`),
  retry: (centerId: string) => request<SyncRetryResult>(`/api/v1/sync/centers/${centerId}/retry?target=portal`, { method: 'POST' }),
  reconcile: (from: string, to: string) => request<SyncReconciliation>('/api/v1/sync/reconciliations', { method: 'POST', body: { from, to } }),
  resync: (from: string, to: string) => request<ResyncResult>('/api/v1/sync/resync', { method: 'POST', body: { from, to } }),
  deadLetters: (signal?: AbortSignal) => request<{ items: SyncDeadLetter[] }>('/api/v1/sync/dead-letters', signal ? { signal } : {}),
  acknowledge: (messageId: string) => request<void>(`/api/v1/sync/dead-letters/${messageId}/ack`, { method: 'POST' }),
};

/** A lag in milliseconds as people read it: "850 ms", "12 s", "3 min", "2 h". */
export function lagText(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/** Start of a local (UTC+7) day as an ISO instant with offset. */
export const dayStart = (day: string) => `${day}T00:00:00+07:00`;
