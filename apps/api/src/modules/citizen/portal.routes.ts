import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DraftCreate, DraftUpdate, DraftView, FileView, MyDossier, Problem, SupplementAnswer, TrackView, UploadCreate } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { toLocalIso } from '../calendar/index.ts';
import { currentVersion, isOffered } from '../catalog/index.ts';
import { findCenters } from '../units/index.ts';
import { findDossier, statusCodes, trackingSecretOf } from '../dossier/index.ts';
import { userNames } from '../auth/index.ts';
import { subjectOf } from './assist.service.ts';
import { dossierOnline } from './citizen.tables.ts';
import { createDraft, findOwnDraft, listOwnDrafts, saveDraft, toDraftView, type DraftRow } from './drafts.service.ts';
import { prefillFromRegistry } from './prefill.service.ts';
import { answerSupplement } from './supplement.service.ts';
import { earlierResults, myDossiers, submitDraft } from './submit.service.ts';
import { trackView } from './track.service.ts';
import { nextStepOf } from './track.rules.ts';
import { appendChunk, createUpload, findOwnFile, listOwnFiles, MAX_CHUNK_BYTES, type CitizenFileRow } from './uploads.service.ts';
import { and, eq } from 'drizzle-orm';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 503: Problem };
const Id = z.object({ id: z.uuid() });

const fileView = (f: CitizenFileRow) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, received: f.received, status: f.status, source: f.source, itemId: f.itemId, createdAt: toLocalIso(f.createdAt) });

export function portalRoutes(app: ZodApp, ctx: AppContext): void {
  const subject = (r: FastifyRequest) => {
    const h = r.headers['x-on-behalf-of'];
    return subjectOf(ctx, requireActor(r), typeof h === 'string' && h.length > 0 ? h : undefined);
  };
  const draftView = async (d: DraftRow) => toDraftView(d, (await currentVersion(ctx.db, d.procedureCode, ctx.clock.now()))?.name ?? d.procedureCode);

  app.get(
    '/api/v1/citizen/procedures/:code/centers',
    {
      schema: {
        operationId: 'centersForProcedure',
        tags: ['citizen'],
        summary: 'Public: centers where a procedure can be filed online',
        params: z.object({ code: z.string().max(40) }),
        response: { 200: z.object({ onlineLevel: z.enum(['full', 'partial', 'none']), centers: z.array(z.object({ id: z.uuid(), name: z.string(), agencyCode: z.string() })) }), ...errors },
      },
    },
    async (request) => {
      const version = await currentVersion(ctx.db, request.params.code, ctx.clock.now());
      if (!version) throw notFound('catalog.procedure_not_found', 'No procedure with this code is in force.');
      const all = await findCenters(ctx.db, undefined);
      const offered = version.onlineLevel === 'none' ? [] : await Promise.all(all.map(async (c) => ((version.boundaryFree || (await isOffered(ctx.db, c.id, version.code))) ? c : null)));
      return { onlineLevel: version.onlineLevel, centers: offered.filter((c): c is NonNullable<typeof c> => c !== null).map((c) => ({ id: c.id, name: c.name, agencyCode: c.agencyCode })) };
    },
  );

  app.post('/api/v1/citizen/drafts', { schema: { operationId: 'createDraft', tags: ['citizen'], summary: 'Start an online dossier for a procedure and center', body: DraftCreate, response: { 201: DraftView, ...errors } } }, async (request, reply) => {
    const s = await subject(request);
    const { row, procedureName } = await createDraft(ctx, s.citizenId, request.body, s.filer.userId === s.citizenId ? null : s.filer.userId);
    return reply.status(201).send(toDraftView(row, procedureName));
  });

  app.get('/api/v1/citizen/drafts', { schema: { operationId: 'listDrafts', tags: ['citizen'], summary: 'My unsubmitted drafts (resume on any device)', response: { 200: z.object({ items: z.array(DraftView) }), ...errors } } }, async (request) => {
    const s = await subject(request);
    return { items: await Promise.all((await listOwnDrafts(ctx, s.citizenId)).map(draftView)) };
  });

  app.get('/api/v1/citizen/drafts/:id', { schema: { operationId: 'getDraft', tags: ['citizen'], summary: 'One draft', params: Id, response: { 200: DraftView, ...errors } } }, async (request) => {
    const s = await subject(request);
    return draftView(await findOwnDraft(ctx, s.citizenId, request.params.id));
  });

  app.put('/api/v1/citizen/drafts/:id', { schema: { operationId: 'saveDraft', tags: ['citizen'], summary: 'Save a draft (compare-and-set on expectedVersion: 409 if another device saved first)', params: Id, body: DraftUpdate, response: { 200: DraftView, ...errors } } }, async (request) => {
    const s = await subject(request);
    const { expectedVersion, ...patch } = request.body;
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return draftView(await saveDraft(ctx, s.citizenId, request.params.id, expectedVersion, clean));
  });

  app.post(
    '/api/v1/citizen/drafts/:id/prefill',
    {
      schema: {
        operationId: 'prefillDraft',
        tags: ['citizen'],
        summary: 'With consent: fill identity and address from the national population database',
        params: Id,
        body: z.object({ idNumber: z.string().regex(/^\d{12}$/), expectedVersion: z.number().int().min(1), consent: z.literal(true) }),
        response: { 200: DraftView, ...errors },
      },
    },
    async (request) => {
      const s = await subject(request);
      return draftView(await prefillFromRegistry(ctx, s.citizenId, request.params.id, request.body, s.filer.userId));
    },
  );

  app.post('/api/v1/citizen/drafts/:id/submit', { schema: { operationId: 'submitDraft', tags: ['citizen'], summary: 'Submit: the dossier is created in status 1 (new) and waits for the center’s pre-check', params: Id, response: { 201: MyDossier, ...errors } } }, async (request, reply) => {
    const s = await subject(request);
    const row = await submitDraft(ctx, s.citizenId, request.params.id, s.filer);
    ctx.wakeOutbox();
    return reply.status(201).send({ ...(await myDossier(row)), helperName: s.filer.userId === s.citizenId ? null : s.filer.name });
  });

  app.post('/api/v1/citizen/uploads', { schema: { operationId: 'createUpload', tags: ['citizen'], summary: 'Announce a file (PDF/JPEG/PNG ≤ 10 MB); then send its bytes in chunks with PATCH', body: UploadCreate, response: { 201: FileView, ...errors } } }, async (request, reply) => {
    const s = await subject(request);
    return reply.status(201).send(fileView(await createUpload(ctx, s.citizenId, request.body)));
  });

  app.get('/api/v1/citizen/uploads/:id', { schema: { operationId: 'getUpload', tags: ['citizen'], summary: 'How much of an upload arrived (resume from `received`)', params: Id, response: { 200: FileView, ...errors } } }, async (request) => {
    const s = await subject(request);
    return fileView(await findOwnFile(ctx, s.citizenId, request.params.id));
  });

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/offset+octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES }, (_req, body, done) => done(null, body));
    scope.patch(
      '/api/v1/citizen/uploads/:id',
      {
        bodyLimit: MAX_CHUNK_BYTES,
        schema: {
          operationId: 'appendUploadChunk',
          tags: ['citizen'],
          summary: 'Send the next chunk (≤ 2 MB, Content-Type application/offset+octet-stream) at Upload-Offset; 409 tells the offset to resume from',
          consumes: ['application/offset+octet-stream'],
          params: Id,
          headers: z.object({ 'upload-offset': z.coerce.number().int().min(0) }),
          response: { 200: FileView, 413: Problem, 415: Problem, ...errors },
        },
      },
      async (request) => {
        const s = await subject(request);
        if (!Buffer.isBuffer(request.body)) throw new DomainError('validation', 'citizen.bad_chunk', 'Send the chunk as application/offset+octet-stream.', { errors: [{ path: 'body', message: 'not binary' }] });
        return fileView(await appendChunk(ctx, s.citizenId, request.params.id, request.headers['upload-offset'], new Uint8Array(request.body)));
      },
    );
  });

  app.get(
    '/api/v1/citizen/files',
    {
      schema: {
        operationId: 'myDocumentStore',
        tags: ['citizen'],
        summary: 'My document store: files I uploaded before and the e-results of my earlier dossiers',
        response: { 200: z.object({ files: z.array(FileView), results: z.array(z.object({ id: z.uuid(), code: z.string(), procedureName: z.string(), signedAt: z.string() })) }), ...errors },
      },
    },
    async (request) => {
      const s = await subject(request);
      const [files, results] = await Promise.all([listOwnFiles(ctx, s.citizenId), earlierResults(ctx, s.citizenId)]);
      return { files: files.map(fileView), results: results.map((r) => ({ id: r.id, code: r.code, procedureName: r.procedureName, signedAt: toLocalIso(r.signedAt) })) };
    },
  );

  const myDossier = async (d: NonNullable<Awaited<ReturnType<typeof findDossier>>>) => ({
    id: d.id,
    code: d.code,
    procedureName: d.procedureName,
    status: d.status,
    statusCode: statusCodes[d.status],
    receivedAt: toLocalIso(d.receivedAt),
    dueAt: d.dueAt ? toLocalIso(d.dueAt) : null,
    feeTotal: d.feeTotal,
    feePaid: d.feePaid,
    nextStep: nextStepOf(d.status, d.feeTotal, d.feePaid),
    trackingSecret: await trackingSecretOf(ctx, d.id),
    helperName: null as string | null,
  });

  app.get('/api/v1/citizen/dossiers', { schema: { operationId: 'myDossiers', tags: ['citizen'], summary: 'My online dossiers, newest first', response: { 200: z.object({ items: z.array(MyDossier) }), ...errors } } }, async (request) => {
    const s = await subject(request);
    const rows = await myDossiers(ctx, s.citizenId);
    const names = await userNames(ctx.db, rows.map((r) => r.link.helperId).filter((x): x is string => x !== null));
    return { items: await Promise.all(rows.map(async (r) => ({ ...(await myDossier(r.dossier)), helperName: r.link.helperId ? (names.get(r.link.helperId) ?? null) : null }))) };
  });

  app.get('/api/v1/citizen/dossiers/:id', { schema: { operationId: 'myDossier', tags: ['citizen'], summary: 'One of my dossiers: status, deadline, timeline, next step, results', params: Id, response: { 200: TrackView, ...errors } } }, async (request) => {
    const s = await subject(request);
    const [link] = await ctx.db.select().from(dossierOnline).where(and(eq(dossierOnline.dossierId, request.params.id), eq(dossierOnline.citizenId, s.citizenId)));
    const d = link ? await findDossier(ctx.db, link.dossierId) : null;
    if (!d) throw notFound('dossier.not_found', 'No such dossier.');
    return trackView(ctx, d);
  });

  app.post(
    '/api/v1/citizen/dossiers/:id/supplement',
    {
      schema: {
        operationId: 'answerSupplement',
        tags: ['citizen'],
        summary: 'Answer the supplement request of my dossier (status 5) with one completed upload per document asked for; the dossier goes back into processing. Assisted mode: x-on-behalf-of as for filing',
        params: Id,
        body: SupplementAnswer,
        response: { 200: TrackView, ...errors },
      },
    },
    async (request) => {
      const d = await answerSupplement(ctx, requireActor(request), await subject(request), request.params.id, request.body);
      ctx.wakeOutbox();
      return trackView(ctx, d);
    },
  );
}
