import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PetitionActionRequest, PetitionFollowUp, PetitionPublic, PetitionStaffView, PetitionSubmit, PetitionSubmitted, Problem, RatingRequest, RatingState, RatingView } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { toLocalIso } from '../calendar/index.ts';
import { findDossier } from '../dossier/index.ts';
import { findCenter } from '../units/index.ts';
import { publicView, staffView } from './feedback.views.ts';
import { actOnPetition, canHandle, desk, followUp, lookUp, submitPetition } from './petitions.service.ts';
import { findPetition, type PetitionRow } from './petitions.repo.ts';
import { rateDossier, ratingState } from './ratings.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem };
const limited = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) => new DomainError('rate_limited', 'rate_limited', `Too many requests; try again in ${c.after}.`),
  },
});

export function feedbackRoutes(app: ZodApp, ctx: AppContext): void {
  const centerName = async (id: string) => (await findCenter(ctx.db, id))?.name ?? '';
  const staff = async (p: PetitionRow) => staffView(p, await centerName(p.centerId), p.dossierId ? ((await findDossier(ctx.db, p.dossierId))?.code ?? null) : null, ctx.clock.now());

  app.get(
    '/api/v1/feedback/ratings/:code',
    {
      schema: {
        operationId: 'getRatingState',
        tags: ['feedback'],
        summary: 'Whether a dossier can be rated now (after return, once), and its rating if given',
        params: z.object({ code: z.string().min(3).max(60) }),
        querystring: z.object({ secondFactor: z.string().min(4).max(12).optional(), ticketId: z.uuid().optional() }),
        response: { 200: RatingState, ...errors },
      },
      config: limited(30),
    },
    async (request) => ratingState(ctx, request.actor, request.params.code, request.query),
  );

  app.post(
    '/api/v1/feedback/ratings',
    { schema: { operationId: 'rateDossier', tags: ['feedback'], summary: 'Rate the handling of a returned dossier (one rating per dossier)', body: RatingRequest, response: { 201: RatingView, ...errors } }, config: limited(20) },
    async (request, reply) => reply.status(201).send(await rateDossier(ctx, request.actor, request.body)),
  );

  app.post(
    '/api/v1/petitions',
    {
      schema: { operationId: 'submitPetition', tags: ['feedback'], summary: 'Submit a complaint or suggestion (PAKN) about a dossier or a center; anonymous allowed with a contact', body: PetitionSubmit, response: { 201: PetitionSubmitted, ...errors } },
      config: limited(5),
    },
    async (request, reply) => {
      const { row, secret } = await submitPetition(ctx, request.actor, request.body);
      return reply.status(201).send({ code: row.code, secret, receivedAt: toLocalIso(row.receivedAt), dueAt: toLocalIso(row.dueAt) });
    },
  );

  app.get(
    '/api/v1/petitions/public/:code',
    {
      schema: {
        operationId: 'getPetitionPublic',
        tags: ['feedback'],
        summary: "A petition and its answer, never with the sender's name or contacts: with the follow-up code given at submission, or by code alone once answered if the sender agreed to publish it",
        params: z.object({ code: z.string().min(5).max(40) }),
        querystring: z.object({ secret: z.string().min(8).max(64).optional() }),
        response: { 200: PetitionPublic, ...errors },
      },
      config: limited(60),
    },
    async (request) => {
      const { p, owner } = await lookUp(ctx, request.params.code, request.query.secret);
      return publicView(p, await centerName(p.centerId), owner);
    },
  );

  app.post(
    '/api/v1/petitions/public/:code/follow-up',
    {
      schema: {
        operationId: 'followUpPetition',
        tags: ['feedback'],
        summary: 'The submitter answers a request for information, or says whether the answer satisfied them',
        params: z.object({ code: z.string().min(5).max(40) }),
        body: PetitionFollowUp,
        response: { 200: PetitionPublic, ...errors },
      },
      config: limited(10),
    },
    async (request) => {
      const p = await followUp(ctx, request.params.code, request.body);
      return publicView(p, await centerName(p.centerId), true);
    },
  );

  app.get(
    '/api/v1/petitions',
    {
      schema: {
        operationId: 'listPetitions',
        tags: ['feedback'],
        summary: 'Petitions desk: my center’s petitions (open first, soonest deadline first)',
        querystring: z.object({ open: z.enum(['1', '0']).default('1'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(PetitionStaffView) }), ...errors },
      },
    },
    async (request) => {
      const rows = await desk(ctx, requireActor(request), { open: request.query.open === '1', limit: request.query.limit });
      return { items: await Promise.all(rows.map(staff)) };
    },
  );

  app.get(
    '/api/v1/petitions/:id',
    { schema: { operationId: 'getPetition', tags: ['feedback'], summary: 'One petition with its deadlines and contacts (staff)', params: z.object({ id: z.uuid() }), response: { 200: PetitionStaffView, ...errors } } },
    async (request) => {
      const p = await findPetition(ctx.db, request.params.id);
      if (!p || !canHandle(requireActor(request), p)) throw new DomainError('not_found', 'feedback.petition_not_found', 'No such petition.');
      return staff(p);
    },
  );

  app.post(
    '/api/v1/petitions/:id/actions',
    {
      schema: {
        operationId: 'actOnPetition',
        tags: ['feedback'],
        summary: 'Answer (within 15 working days), refuse (within 2) or ask for more information (within 5)',
        params: z.object({ id: z.uuid() }),
        body: PetitionActionRequest,
        response: { 200: PetitionStaffView, ...errors },
      },
    },
    async (request) => staff(await actOnPetition(ctx, requireActor(request), request.params.id, request.body)),
  );
}
