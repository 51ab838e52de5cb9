import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActionRequest, DossierView, IntakeRequest, Problem, Timeline } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { plainJson } from '../../platform/http/plain-json.ts';
import { requireActor } from '../../platform/http/request.ts';
import { loadCalendar, toLocalIso } from '../calendar/index.ts';
import { openDrafts } from './dossier.risk.ts';
import { extraPaperRequests } from './dossier.reports.ts';
import { userNames } from '../auth/index.ts';
import { act } from './dossier.act.ts';
import { attachFile, listFiles, MAX_FILE_BYTES, readFile } from './dossier.files.ts';
import { intakeAtCounter } from './dossier.intake.ts';
import { intakeOnce } from './dossier.intake-once.ts';
import { findDossier, findDossierByCode, listOpen } from './dossier.repo.ts';
import { readTimeline } from './dossier.timeline.ts';
import { visibleOr404 } from './dossier.access.ts';
import { badgeOf, toView } from './dossier.views.ts';

/** A client-made key for one intake (a UUID is typical). */
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, '8–100 letters, digits, - or _');

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const InboxItem = DossierView.extend({ badge: z.enum(['late', 'due_today', 'at_risk']).nullable() });
/** The inbox's body (exported for the test that holds the plain-JSON route to it). */
export const InboxList = z.object({ items: z.array(InboxItem) });

export function dossierRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        operationId: 'intakeDossier',
        tags: ['dossiers'],
        summary: 'Counter intake: receive (Form 01), ask for supplements (Form 02) or refuse (Form 03)',
        description: 'With an Idempotency-Key header, a retry of the same intake answers 200 with the dossier the first attempt made.',
        headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
        body: IntakeRequest,
        response: { 201: DossierView, 200: DossierView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const key = request.headers['idempotency-key'];
      const { row, replayed } = key ? await intakeOnce(ctx, actor, request.body, key) : { row: await intakeAtCounter(ctx, actor, request.body), replayed: false };
      if (!replayed) ctx.wakeOutbox();
      return reply.status(replayed ? 200 : 201).send(toView(row, actor));
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      ...plainJson,
      schema: {
        operationId: 'listDossiers',
        tags: ['dossiers'],
        summary: "Open dossiers of my center, soonest deadline first (assignee=me: my inbox)",
        querystring: z.object({ assignee: z.enum(['me', 'all']).default('all'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: InboxList, ...errors },
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
    '/api/v1/dossiers/reports/extra-paper',
    {
      schema: {
        operationId: 'extraPaperReport',
        tags: ['dossiers'],
        summary: "Supplement requests that asked for documents outside the official list (director's dashboard)",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                dossierId: z.uuid(),
                code: z.string(),
                procedureName: z.string(),
                at: z.string(),
                actorName: z.string().nullable(),
                documents: z.array(z.object({ name: z.string(), legalReason: z.string() })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.centerId || !['leader', 'director'].includes(actor.role)) throw forbidden('dossier.leaders_only', 'This report is for the center’s leaders.');
      const rows = await extraPaperRequests(ctx, actor.centerId);
      const names = await userNames(ctx.db, [...new Set(rows.map((r) => r.actorId).filter((x): x is string => x !== null))]);
      return {
        items: rows.map((r) => ({
          dossierId: r.dossierId,
          code: r.code,
          procedureName: r.procedureName,
          at: toLocalIso(r.at),
          actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
          documents: r.documents,
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

  const FileView = z.object({ id: z.uuid(), itemId: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() });
  const fileView = (f: { id: string; itemId: string; mime: string; size: number; sha256: string; uploadedAt: Date }) => ({
    id: f.id,
    itemId: f.itemId,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    uploadedAt: toLocalIso(f.uploadedAt),
  });

  // Scans arrive as the raw body (PDF, JPEG or PNG); the parsers live in this scope only.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    for (const type of ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    }
    scope.post(
      '/api/v1/dossiers/:id/files',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          operationId: 'attachDossierFile',
          tags: ['dossiers'],
          summary: 'Attach a scan (PDF/JPEG/PNG, ≤ 10 MB, type sniffed, SHA-256 kept) to a checklist item',
          consumes: ['application/pdf', 'image/jpeg', 'image/png'],
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ itemId: z.string().min(1).max(20) }),
          response: { 201: FileView, 413: Problem, 415: Problem, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw Object.assign(new Error('Send the scan as application/pdf, image/jpeg or image/png.'), { statusCode: 415, code: 'dossier.unsupported_media_type' });
        }
        const bytes = new Uint8Array(body);
        const row = await attachFile(ctx, requireActor(request), request.params.id, request.query.itemId, bytes);
        return reply.status(201).send(fileView(row));
      },
    );
  });

  app.get(
    '/api/v1/dossiers/:id/files',
    {
      schema: { operationId: 'listDossierFiles', tags: ['dossiers'], summary: 'Scans attached to a dossier', params: z.object({ id: z.uuid() }), response: { 200: z.array(FileView), ...errors } },
    },
    async (request) => (await listFiles(ctx, requireActor(request), request.params.id)).map(fileView),
  );

  app.get(
    '/api/v1/dossiers/:id/files/:fileId',
    {
      schema: { operationId: 'getDossierFile', tags: ['dossiers'], summary: 'Download one scan', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    },
    async (request, reply) => {
      const { row, bytes } = await readFile(ctx, requireActor(request), request.params.id, request.params.fileId);
      return reply.type(row.mime).header('cache-control', 'private, no-store').header('x-content-sha256', row.sha256).send(Buffer.from(bytes));
    },
  );
}
