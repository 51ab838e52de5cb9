import type { BoardSnapshot, ConsoleState, IssueTicketRequest, PriorityCategory, PublicCenter, PublicTicket, ServiceGroup, StatsDimension, StatsResponse, Ticket } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });

export const queueApi = {
  centers: () => request<PublicCenter[]>('/api/v1/queue/centers'),
  groups: (centerId: string) => request<ServiceGroup[]>(`/api/v1/centers/${centerId}/service-groups`),
  take: (centerId: string, body: IssueTicketRequest) => post<PublicTicket>(`/api/v1/queue/centers/${centerId}/tickets`, body),
  checkIn: (centerId: string, code: string) => post<PublicTicket>(`/api/v1/queue/centers/${centerId}/appointments/check-in`, { code }),
  ticket: (id: string) => request<PublicTicket>(`/api/v1/queue/tickets/${id}`),
  board: (centerId: string) => request<BoardSnapshot>(`/api/v1/queue/centers/${centerId}/board`),
  console: (centerId: string) => request<ConsoleState>(`/api/v1/queue/centers/${centerId}/console`),
  open: (counterId: string, serviceGroupIds: string[]) => post<ConsoleState>(`/api/v1/queue/counters/${counterId}/open`, { serviceGroupIds }),
  close: (counterId: string) => post<ConsoleState>(`/api/v1/queue/counters/${counterId}/close`),
  callNext: (counterId: string) => post<{ ticket: Ticket | null }>(`/api/v1/queue/counters/${counterId}/call-next`),
  act: (ticketId: string, action: 'recall' | 'start' | 'finish' | 'skip') => post<Ticket>(`/api/v1/queue/tickets/${ticketId}/${action}`),
  transfer: (ticketId: string, target: { serviceGroupId: string } | { counterId: string }) => post<Ticket>(`/api/v1/queue/tickets/${ticketId}/transfer`, target),
  setNotice: (centerId: string, text: string) => request<void>(`/api/v1/queue/centers/${centerId}/notice`, { method: 'PUT', body: { text } }),
  stats: (from: string, to: string, by: StatsDimension) => request<StatsResponse>(`/api/v1/queue/stats?from=${from}&to=${to}&by=${by}`),
};

export const PRIORITIES: PriorityCategory[] = ['elderly', 'disability', 'pregnant', 'small_child'];

export const eventsUrl = (centerId: string) => `/api/v1/queue/centers/${centerId}/events`;
