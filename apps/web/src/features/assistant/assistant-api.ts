import type { AskRequest, AskResponse, PrecheckRequest, PrecheckResponse } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export type AskInput = Omit<AskRequest, 'surface' | 'dossier'> & { surface?: AskRequest['surface'] };

export const assistantApi = {
  ask: (body: AskInput) => request<AskResponse>('/api/v1/assistant/ask', { method: 'POST', body }),
  askDossier: (body: AskInput & { dossier: { code: string; phoneLast4: string } }) => request<AskResponse>('/api/v1/assistant/dossier-questions', { method: 'POST', body }),
  precheck: (body: PrecheckRequest) => request<PrecheckResponse>('/api/v1/assistant/precheck', { method: 'POST', body }),
  rate: (id: string, helpful: boolean) => request<void>(`/api/v1/assistant/answers/${id}/feedback`, { method: 'POST', body: { helpful } }),
};
