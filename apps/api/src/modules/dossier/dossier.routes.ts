import { z } from 'zod';
import { ActionRequest, DossierView, IntakeRequest, Problem, Timeline } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { loadCalendar, toLocalIso } from '../calendar/index.ts';
import { openDrafts } from './dossier.risk.ts';
import { act } from './dossier.act.ts';
import { intakeAtCounter } from './dossier.intake.ts';
import { findDossier, findDossierByCode, listOpen } from './dossier.repo.ts';
import { readTimeline } from './dossier.timeline.ts';
import { visibleOr404 } from './dossier.access.ts';
import { badgeOf, toView } from './dossier.views.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const InboxItem = DossierView.extend({ badge: z.enum(['late', 'due_today', 'at_risk']).nullable() });

export function dossierRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        operationId: 'intakeDossier',
        tags: ['dossiers'],
        summary: 'Counter intake: receive (Form 01), ask for supplements (Form 02) or refuse (Form 03)',
        body: IntakeRequest,
        response: { 201: DossierView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await intakeAtCounter(ctx, actor, request.body);
      ctx.wakeOutbox();
      return reply.status(201).send(toView(row, actor));
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        operationId: 'listDossiers',
        tags: ['dossiers'],
        summary: "Open dossiers of my center, soonest deadline first (assignee=me: my inbox)",
        querystring: z.object({ assignee: z.enum(['me', 'all']).default('all'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(InboxItem) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.centerId) throw forbidden('dossier.no_center', 'Only center staff have a dossier inbox.');
      const rows = await listOpen(ctx.db, actor.centerId, { limit: request.query.limit, ...(request.query.assignee === 'me' ? { assigneeId: actor.userId } : {}) });
      const cal = await loadCalendar(ctx);
      const now = ctx.clock.now();
      return { items: rows.map((r) => ({ ...toView(r, actor), badge: badgeOf(cal, r, now) })) };
    },
  );

  app.get(
    '/api/v1/dossiers/apology-drafts',
    {
      schema: {
        operationId: 'listApologyDrafts',
        tags: ['dossiers'],
        summary: 'Form 04 drafts for dossiers that will miss their deadline (leaders sign them as an apology letter)',
        response: {
          200: z.object({
            items: z.array(
              z.object({ dossierId: z.uuid(), code: z.string(), procedureName: z.string(), applicantName: z.string(), dueAt: z.string(), draftedAt: z.string(), causeState: z.string(), causeWorkingHours: z.number() }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.centerId || !['leader', 'director'].includes(actor.role)) throw forbidden('dossier.leaders_only', 'Apology letters are for the center’s leaders.');
      const rows = await openDrafts(ctx, actor.centerId);
      return {
        items: rows.map((r) => ({
          dossierId: r.draft.dossierId,
          code: r.code,
          procedureName: r.procedureName,
          applicantName: r.applicantName,
          dueAt: toLocalIso(r.draft.dueAt),
          draftedAt: toLocalIso(r.draft.draftedAt),
          causeState: r.draft.causeState,
          causeWorkingHours: Math.round((r.draft.causeWorkingSeconds / 3600) * 10) / 10,
        })),
      };
    },
  );

  app.get(
    '/api/v1/dossiers/by-code/:code',
    {
      schema: {
        operationId: 'getDossierByCode',
        tags: ['dossiers'],
        summary: 'Find a dossier of my center by its code (e.g. a citizen shows the receipt)',
        params: z.object({ code: z.string().min(3).max(60) }),
        response: { 200: DossierView, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return toView(visibleOr404(actor, await findDossierByCode(ctx.db, request.params.code)), actor);
    },
  );

  app.get(
    '/api/v1/dossiers/:id',
    {
      schema: { operationId: 'getDossier', tags: ['dossiers'], summary: 'One dossier with the actions I may take', params: z.object({ id: z.uuid() }), response: { 200: DossierView, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      return toView(visibleOr404(actor, await findDossier(ctx.db, request.params.id)), actor);
    },
  );

  app.post(
    '/api/v1/dossiers/:id/actions',
    {
      schema: {
        operationId: 'actOnDossier',
        tags: ['dossiers'],
        summary: 'Move a dossier on (assign, review, approve, supplement, apology letter, return…)',
        params: z.object({ id: z.uuid() }),
        body: ActionRequest,
        response: { 200: DossierView, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await act(ctx, actor, request.params.id, request.body);
      ctx.wakeOutbox();
      return toView(row, actor);
    },
  );

  app.get(
    '/api/v1/dossiers/:id/timeline',
    {
      schema: {
        operationId: 'getDossierTimeline',
        tags: ['dossiers'],
        summary: 'Every step with who, when and why; verifies the hash chain',
        params: z.object({ id: z.uuid() }),
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => readTimeline(ctx, requireActor(request), request.params.id),
  );
}
