import type {
  AppointmentSlot,
  BoardSnapshot,
  BookedAppointment,
  CheckInRequest,
  ConsoleState,
  IssueTicketRequest,
  PriorityCategory,
  PublicCenter,
  PublicTicket,
  ServiceGroup,
  StatsDimension,
  StatsResponse,
  Ticket,
  VisitRating,
  VisitRatingResult,
} from '@motcua/contracts';
import { request } from '../../lib/api.ts';

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });

export const queueApi = {
  centers: () => request<PublicCenter[]>('/api/v1/queue/centers'),
  groups: (centerId: string) => request<ServiceGroup[]>(`/api/v1/centers/${centerId}/service-groups`),
  take: (centerId: string, body: IssueTicketRequest) => post<PublicTicket>(`/api/v1/queue/centers/${centerId}/tickets`, body),
  checkIn: (centerId: string, by: CheckInRequest) => post<PublicTicket>(`/api/v1/queue/centers/${centerId}/appointments/check-in`, by),
  slots: (centerId: string, day: string) => request<AppointmentSlot[]>(`/api/v1/queue/centers/${centerId}/slots?day=${day}`),
  openSlots: (centerId: string, body: { serviceGroupId: string; startsAt: string[]; capacity: number }) => post<void>(`/api/v1/queue/centers/${centerId}/slots`, body),
  book: (centerId: string, body: { serviceGroupId: string; startsAt: string; fullName: string; phone: string }) => post<BookedAppointment>(`/api/v1/queue/centers/${centerId}/appointments`, body),
  rate: (ticketId: string, rating: VisitRating, channel: 'phone' | 'kiosk') => post<VisitRatingResult>(`/api/v1/queue/tickets/${ticketId}/rating`, { rating, channel }),
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

/** Today's local day in Vietnam, "YYYY-MM-DD" (the day inputs and the slots API use it). */
export const localToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** "10:30" in Vietnamese time. */
export const localTime = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** An SVG document as an <img> source. */
export const svgSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
