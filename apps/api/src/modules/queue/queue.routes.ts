import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AppointmentSlot,
  BoardSnapshot,
  BookAppointmentRequest,
  BookedAppointment,
  CallNextResponse,
  CheckInRequest,
  ConsoleState,
  IssueTicketRequest,
  LinkDossierRequest,
  NoticeRequest,
  OpenCounterRequest,
  Problem,
  PublicCenter,
  PublicTicket,
  RateVisitRequest,
  StatsQuery,
  StatsResponse,
  Ticket,
  TransferRequest,
  VisitRatingResult,
} from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { canSeeCenter, centerScope } from '../units/index.ts';
import { book, checkIn, listSlots, openSlots } from './appointments.service.ts';
import { doorQrSvg } from './door.ts';
import { boardSnapshot, closeCounter, consoleState, openCounter, setNotice } from './counters.service.ts';
import type { QueueDeps } from './queue.deps.ts';
import { findCenterRow, listCenterRows } from './queue.repo.ts';
import { rateVisit } from './ratings.service.ts';
import { inCenter, inProvince, queueStats } from './stats.repo.ts';
import { actOnTicket, callNext, issueTicket, linkDossier, publicTicket, staffTicket } from './tickets.service.ts';

// Conflicts carry details (the ticket's status, the allowed moves) next to the standard fields.
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem.loose(), 422: Problem.loose() };
const CenterParams = z.object({ centerId: z.uuid() });
const TicketParams = z.object({ ticketId: z.uuid() });
const CounterParams = z.object({ counterId: z.uuid() });

const limited = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) => new DomainError('rate_limited', 'rate_limited', `Too many requests; try again in ${c.after}.`),
  },
});

/** Where the QR code on a ticket points: the configured public origin, else the address the kiosk used. */
const baseUrl = (ctx: AppContext, r: FastifyRequest) => ctx.config.publicOrigin?.replace(/\/$/, '') ?? `${r.protocol}://${r.host}`;

async function ensureCenter(deps: QueueDeps, centerId: string) {
  const center = await findCenterRow(deps.ctx.db, centerId);
  if (!center) throw notFound('queue.center_not_found', 'No such center.');
  return center;
}

export function queueRoutes(app: ZodApp, deps: QueueDeps): void {
  const { ctx } = deps;

  // ── Public: kiosk, phone, display ───────────────────────────────────────────
  app.get(
    '/api/v1/queue/centers',
    { schema: { operationId: 'listQueueCenters', tags: ['queue'], summary: 'Centers, for choosing where a kiosk or display stands (public)', response: { 200: z.array(PublicCenter) } } },
    async () => (await listCenterRows(ctx.db)).map(({ id, agencyCode, name }) => ({ id, agencyCode, name })),
  );

  app.post(
    '/api/v1/queue/centers/:centerId/tickets',
    {
      schema: {
        operationId: 'issueTicket',
        tags: ['queue'],
        summary: 'Take a queue number (kiosk or phone; public, rate-limited). A phone number gets SMS updates',
        params: CenterParams,
        body: IssueTicketRequest,
        response: { 201: PublicTicket, ...errors, 429: Problem },
      },
      config: limited(30),
    },
    async (request, reply) => {
      const ticket = await issueTicket(deps, request.params.centerId, request.body);
      return reply.status(201).send(await publicTicket(deps, ticket.id, baseUrl(ctx, request)));
    },
  );

  app.get(
    '/api/v1/queue/tickets/:ticketId',
    {
      schema: { operationId: 'getPublicTicket', tags: ['queue'], summary: 'A ticket as its holder sees it: place in line and estimated wait (public, by QR)', params: TicketParams, response: { 200: PublicTicket, ...errors, 429: Problem } },
      config: limited(120),
    },
    async (request) => publicTicket(deps, request.params.ticketId, baseUrl(ctx, request)),
  );

  app.post(
    '/api/v1/queue/tickets/:ticketId/rating',
    {
      schema: {
        operationId: 'rateQueueVisit',
        tags: ['queue'],
        summary: 'The ticket holder rates the finished visit, once (public by ticket id, rate-limited)',
        params: TicketParams,
        body: RateVisitRequest,
        response: { 201: VisitRatingResult, ...errors, 429: Problem },
      },
      config: limited(10),
    },
    async (request, reply) => reply.status(201).send(await rateVisit(deps, request.params.ticketId, request.body)),
  );

  app.get(
    '/api/v1/queue/centers/:centerId/board',
    { schema: { operationId: 'getBoard', tags: ['queue'], summary: 'The display board state at once (public)', params: CenterParams, response: { 200: BoardSnapshot, ...errors } } },
    async (request) => boardSnapshot(deps, request.params.centerId),
  );

  app.get(
    '/api/v1/queue/centers/:centerId/door.svg',
    { schema: { operationId: 'getDoorQr', tags: ['queue'], summary: 'QR code (image/svg+xml) to print at the door: opens the remote-ticket page of this center (public)', params: CenterParams, response: { 200: z.any().describe('SVG image (image/svg+xml)'), ...errors } } },
    async (request, reply) =>
      reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(Buffer.from(await doorQrSvg(deps, request.params.centerId, baseUrl(ctx, request)))),
  );

  // ── Counter console (staff of the center) ───────────────────────────────────
  app.get(
    '/api/v1/queue/centers/:centerId/console',
    { schema: { operationId: 'getCounterConsole', tags: ['queue'], summary: 'Counters, their tickets and waiting counts', params: CenterParams, response: { 200: ConsoleState, ...errors } } },
    async (request) => consoleState(deps, requireActor(request), request.params.centerId),
  );

  app.post(
    '/api/v1/queue/counters/:counterId/open',
    { schema: { operationId: 'openCounter', tags: ['queue'], summary: 'Sit at a counter and choose the groups it serves', params: CounterParams, body: OpenCounterRequest, response: { 200: ConsoleState, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await openCounter(deps, actor, request.params.counterId, request.body.serviceGroupIds);
      return consoleState(deps, actor, actor.centerId!);
    },
  );

  app.post(
    '/api/v1/queue/counters/:counterId/close',
    { schema: { operationId: 'closeCounter', tags: ['queue'], summary: 'Close a counter', params: CounterParams, response: { 200: ConsoleState, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await closeCounter(deps, actor, request.params.counterId);
      return consoleState(deps, actor, actor.centerId!);
    },
  );

  app.post(
    '/api/v1/queue/counters/:counterId/call-next',
    { schema: { operationId: 'callNext', tags: ['queue'], summary: 'Call the next ticket to this counter (null when nobody waits)', params: CounterParams, response: { 200: CallNextResponse, ...errors } } },
    async (request) => {
      const ticket = await callNext(deps, requireActor(request), request.params.counterId);
      return { ticket: ticket ? staffTicket(ticket) : null };
    },
  );

  for (const action of ['recall', 'start', 'finish', 'skip'] as const) {
    app.post(
      `/api/v1/queue/tickets/:ticketId/${action}`,
      { schema: { operationId: `${action}Ticket`, tags: ['queue'], summary: `${action[0]!.toUpperCase()}${action.slice(1)} a ticket`, params: TicketParams, response: { 200: Ticket, ...errors } } },
      async (request) => staffTicket(await actOnTicket(deps, requireActor(request), request.params.ticketId, { action })),
    );
  }

  app.post(
    '/api/v1/queue/tickets/:ticketId/transfer',
    { schema: { operationId: 'transferTicket', tags: ['queue'], summary: 'Send a ticket to another group or counter; it keeps its place in line', params: TicketParams, body: TransferRequest, response: { 200: Ticket, ...errors } } },
    async (request) => staffTicket(await actOnTicket(deps, requireActor(request), request.params.ticketId, { action: 'transfer', ...request.body })),
  );

  app.post(
    '/api/v1/queue/tickets/:ticketId/dossier',
    { schema: { operationId: 'linkTicketDossier', tags: ['queue'], summary: 'Link the dossier received from this visit', params: TicketParams, body: LinkDossierRequest, response: { 200: Ticket, ...errors } } },
    async (request) => staffTicket(await linkDossier(deps, requireActor(request), request.params.ticketId, request.body.dossierId)),
  );

  app.put(
    '/api/v1/queue/centers/:centerId/notice',
    { schema: { operationId: 'setBoardNotice', tags: ['queue'], summary: "Set the display board's scrolling notice line (director)", params: CenterParams, body: NoticeRequest, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await setNotice(deps, requireActor(request), request.params.centerId, request.body.text);
      return reply.status(204).send(null);
    },
  );

  // ── Statistics ─────────────────────────────────────────────────────────────
  app.get(
    '/api/v1/queue/stats',
    {
      schema: {
        operationId: 'queueStats',
        tags: ['queue'],
        summary: 'Tickets, waiting and service times, no-shows per center, group, counter, officer or hour',
        querystring: StatsQuery.extend({ centerId: z.uuid().optional() }),
        response: { 200: StatsResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { from, to, by, centerId } = request.query;
      if (from > to) throw new DomainError('validation', 'queue.bad_range', 'from must not be after to.', { errors: [{ path: 'querystring.from', message: 'after to' }] });
      const scope = centerScope(actor);
      if (scope.kind === 'none') throw forbidden('queue.stats_forbidden', 'Only staff see queue statistics.');
      let where;
      if (centerId) {
        const center = await findCenterRow(ctx.db, centerId);
        if (!center || !canSeeCenter(actor, { id: center.id, provinceCode: center.provinceCode })) throw notFound('queue.center_not_found', 'No such center.');
        where = inCenter(centerId);
      } else {
        where = scope.kind === 'province' ? inProvince(scope.provinceCode) : inCenter(scope.centerId);
      }
      return { from, to, by, rows: await queueStats(ctx.db, { scope: where, from, to, by }) };
    },
  );

  // ── Appointments ───────────────────────────────────────────────────────────
  app.get(
    '/api/v1/queue/centers/:centerId/slots',
    { schema: { operationId: 'listAppointmentSlots', tags: ['queue'], summary: 'Appointment slots of a local day (public)', params: CenterParams, querystring: z.object({ day: z.iso.date() }), response: { 200: z.array(AppointmentSlot), ...errors } } },
    async (request) => {
      await ensureCenter(deps, request.params.centerId);
      return listSlots(deps, request.params.centerId, request.query.day);
    },
  );

  app.post(
    '/api/v1/queue/centers/:centerId/slots',
    {
      schema: {
        operationId: 'openAppointmentSlots',
        tags: ['queue'],
        summary: 'Open appointment slots with a capacity (director)',
        params: CenterParams,
        body: z.object({ serviceGroupId: z.uuid(), startsAt: z.array(z.iso.datetime({ offset: true })).min(1).max(100), capacity: z.number().int().min(1).max(100) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await openSlots(deps, requireActor(request), request.params.centerId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/queue/centers/:centerId/appointments',
    { schema: { operationId: 'bookAppointment', tags: ['queue'], summary: 'Book an appointment (public, rate-limited)', params: CenterParams, body: BookAppointmentRequest, response: { 201: BookedAppointment, ...errors, 429: Problem } }, config: limited(10) },
    async (request, reply) => reply.status(201).send(await book(deps, request.params.centerId, request.body)),
  );

  app.post(
    '/api/v1/queue/centers/:centerId/appointments/check-in',
    {
      schema: {
        operationId: 'checkInAppointment',
        tags: ['queue'],
        summary: 'Check in on arrival with the appointment code or the phone it was booked with: issues a ticket placed at the appointment time (public)',
        params: CenterParams,
        body: CheckInRequest,
        response: { 200: PublicTicket, ...errors, 429: Problem },
      },
      config: limited(30),
    },
    async (request) => {
      const ticket = await checkIn(deps, request.params.centerId, request.body);
      return publicTicket(deps, ticket.id, baseUrl(ctx, request));
    },
  );
}
