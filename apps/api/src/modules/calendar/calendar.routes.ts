import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CalendarAuditEntry,
  CalendarDay,
  CalendarDayInput,
  CalendarDaysQuery,
  CalendarEntry,
  CalendarYear,
  DeadlineRequest,
  DeadlineResponse,
  Problem,
} from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import {
  calendarAuditLog,
  confirmCalendarYear,
  confirmDay,
  deadline,
  listDays,
  listYears,
  MAX_YEAR,
  MIN_YEAR,
  proposeCalendarYear,
  putDay,
  removeDay,
} from './calendar.service.ts';

const tags = ['calendar'];
const DateParam = z.object({ date: z.iso.date() });
const YearParam = z.object({ year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR) });
const adminErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

const rateLimit = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) =>
      new DomainError('rate_limited', 'rate_limited', `Too many requests; try again in ${c.after}.`),
  },
});

export function calendarRoutes(app: ZodApp, ctx: AppContext): void {
  // Public: citizens, portals and other systems ask the same clock the dossiers use.
  app.post(
    '/api/v1/calendar/deadline',
    {
      schema: {
        operationId: 'computeDeadline',
        tags,
        summary: 'Deadline of a time limit counted in working time on the official calendar (public)',
        description:
          'Rules: the clock starts at the receipt, or at the next working period when received outside working time; N working days = N × 8 working hours; pauses stop the clock. `?explain=1` lists the working periods used.',
        querystring: z.object({ explain: z.enum(['0', '1', 'true', 'false']).optional() }),
        body: DeadlineRequest,
        response: { 200: DeadlineResponse, 400: Problem, 429: Problem },
      },
      config: rateLimit(120),
    },
    async (request) => deadline(ctx, request.body, request.query.explain === '1' || request.query.explain === 'true'),
  );

  app.get(
    '/api/v1/calendar/days',
    {
      schema: {
        operationId: 'listCalendarDays',
        tags,
        summary: 'Each day of a range (at most 400) with working or off and the reason (public)',
        querystring: CalendarDaysQuery,
        response: { 200: z.array(CalendarDay), 400: Problem, 429: Problem },
      },
      config: rateLimit(120),
    },
    async (request) => listDays(ctx, request.query),
  );

  app.get(
    '/api/v1/calendar/years',
    {
      schema: {
        operationId: 'listCalendarYears',
        tags,
        summary: 'Years of calendar data with their status; unconfirmed years are flagged (public)',
        response: { 200: z.array(CalendarYear) },
      },
    },
    async () => listYears(ctx),
  );

  app.put(
    '/api/v1/calendar/days/:date',
    {
      schema: {
        operationId: 'putCalendarDay',
        tags,
        summary: 'Create or replace the calendar entry of a date (province admin)',
        params: DateParam,
        body: CalendarDayInput,
        response: { 200: CalendarEntry, ...adminErrors },
      },
    },
    async (request) => putDay(ctx, requireActor(request), request.params.date, request.body),
  );

  app.delete(
    '/api/v1/calendar/days/:date',
    {
      schema: {
        operationId: 'deleteCalendarDay',
        tags,
        summary: 'Remove the calendar entry of a date; it becomes an ordinary day (province admin)',
        params: DateParam,
        response: { 204: z.null(), ...adminErrors },
      },
    },
    async (request, reply) => {
      await removeDay(ctx, requireActor(request), request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/calendar/days/:date/confirm',
    {
      schema: {
        operationId: 'confirmCalendarDay',
        tags,
        summary: 'Confirm a proposed entry against the official notice (province admin)',
        params: DateParam,
        response: { 200: CalendarEntry, ...adminErrors },
      },
    },
    async (request) => confirmDay(ctx, requireActor(request), request.params.date),
  );

  app.post(
    '/api/v1/calendar/years/:year/proposal',
    {
      schema: {
        operationId: 'proposeCalendarYear',
        tags,
        summary: 'Propose the days off of a year from the Labour Code and the lunar calendar (province admin)',
        params: YearParam,
        response: { 200: z.object({ year: z.number().int(), added: z.array(CalendarEntry) }), ...adminErrors },
      },
    },
    async (request) => proposeCalendarYear(ctx, requireActor(request), request.params.year),
  );

  app.post(
    '/api/v1/calendar/years/:year/confirm',
    {
      schema: {
        operationId: 'confirmCalendarYear',
        tags,
        summary: 'Confirm a whole year and all its proposed days (province admin)',
        params: YearParam,
        response: { 200: CalendarYear, ...adminErrors },
      },
    },
    async (request) => confirmCalendarYear(ctx, requireActor(request), request.params.year),
  );

  app.get(
    '/api/v1/calendar/audit',
    {
      schema: {
        operationId: 'listCalendarAudit',
        tags,
        summary: 'Latest 200 calendar edits, newest first (province admin)',
        querystring: z.object({ year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional() }),
        response: { 200: z.array(CalendarAuditEntry), 401: Problem, 403: Problem, 400: Problem },
      },
    },
    async (request) => calendarAuditLog(ctx, requireActor(request), request.query.year),
  );
}
