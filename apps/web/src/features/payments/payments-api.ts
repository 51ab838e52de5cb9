import type { PaymentReturnResult, PaymentSummary, PaymentView, ReconciliationView, StartPaymentResponse } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export const paymentsApi = {
  summary: (code: string, signal?: AbortSignal) => request<PaymentSummary>(`/api/v1/payments/dossiers/${encodeURIComponent(code)}`, signal ? { signal } : {}),
  startOnline: (dossierCode: string) => request<StartPaymentResponse>('/api/v1/payments/online', { method: 'POST', body: { dossierCode } }),
  returned: (params: Record<string, string>) => request<PaymentReturnResult>('/api/v1/payments/gateway/return', { method: 'POST', body: params }),
  refresh: (id: string) => request<PaymentView>(`/api/v1/payments/${id}/refresh`, { method: 'POST' }),
  cash: (dossierId: string, amount: number) => request<PaymentView>('/api/v1/payments/cash', { method: 'POST', body: { dossierId, amount } }),
  reconciliations: (signal?: AbortSignal) => request<{ items: ReconciliationView[] }>('/api/v1/payments/reconciliations', signal ? { signal } : {}),
  reconcile: (day: string) => request<ReconciliationView>('/api/v1/payments/reconciliations', { method: 'POST', body: { day } }),
};

export const receiptUrl = (paymentId: string, layout: 'a4' | 'thermal' = 'a4') => `/api/v1/payments/${paymentId}/receipt.pdf${layout === 'thermal' ? '?layout=thermal' : ''}`;
export const payPageUrl = (code: string) => `/citizen/dossiers/${encodeURIComponent(code)}/pay`;

/** Whole đồng, as Vietnamese write it: 10.000 đ. */
export const money = (amount: number, lang: string) => `${new Intl.NumberFormat(lang === 'en' ? 'en-US' : lang === 'id' ? 'id-ID' : 'vi-VN').format(amount)} đ`;
