import type { CalendarDay, CalendarDayInput, CalendarEntry, CalendarYear, DeadlineRequest, DeadlineResponse } from '@motcua/contracts';
import { request } from '../../lib/api.ts';

export const calendarApi = {
  deadline: (body: DeadlineRequest) => request<DeadlineResponse>('/api/v1/calendar/deadline?explain=1', { method: 'POST', body }),
  years: (signal?: AbortSignal) => request<CalendarYear[]>('/api/v1/calendar/years', signal ? { signal } : {}),
  days: (year: number, signal?: AbortSignal) =>
    request<CalendarDay[]>(`/api/v1/calendar/days?from=${year}-01-01&to=${year}-12-31`, signal ? { signal } : {}),
  putDay: (date: string, body: CalendarDayInput) => request<CalendarEntry>(`/api/v1/calendar/days/${date}`, { method: 'PUT', body }),
  removeDay: (date: string) => request<void>(`/api/v1/calendar/days/${date}`, { method: 'DELETE' }),
  confirmDay: (date: string) => request<CalendarEntry>(`/api/v1/calendar/days/${date}/confirm`, { method: 'POST' }),
  proposeYear: (year: number) => request<{ year: number; added: CalendarEntry[] }>(`/api/v1/calendar/years/${year}/proposal`, { method: 'POST' }),
  confirmYear: (year: number) => request<CalendarYear>(`/api/v1/calendar/years/${year}/confirm`, { method: 'POST' }),
};
