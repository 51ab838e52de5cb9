import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OutreachPack, OutreachReport, OutreachSession, OutreachSessionCreate, OutreachSubmission, OutreachSyncResult, OutreachTeamMember, OutreachUpload, Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { createSession, mySessions, packOf, reportOf, teamCandidates, toSessionView } from './sessions.service.ts';
import { syncDossier } from './sync.service.ts';
import { appendChunk, MAX_CHUNK_BYTES, uploadOf, uploadView } from './uploads.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const Id = z.object({ id: z.uuid() });

export function outreachRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/outreach/team-candidates',
    { schema: { operationId: 'outreachTeamCandidates', tags: ['outreach'], summary: 'Staff of my center who can go on an outreach session', response: { 200: z.object({ items: z.array(OutreachTeamMember) }), ...errors } } },
    async (request) => ({ items: await teamCandidates(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/v1/outreach/sessions',
    { schema: { operationId: 'createOutreachSession', tags: ['outreach'], summary: 'Prepare a mobile session: place, date, team, procedures offered', body: OutreachSessionCreate, response: { 201: OutreachSession, ...errors } } },
    async (request, reply) => reply.status(201).send(await toSessionView(ctx, await createSession(ctx, requireActor(request), request.body))),
  );

  app.get(
    '/api/v1/outreach/sessions',
    { schema: { operationId: 'listOutreachSessions', tags: ['outreach'], summary: "My center's outreach sessions, latest first", response: { 200: z.object({ items: z.array(OutreachSession) }), ...errors } } },
    async (request) => ({ items: await Promise.all((await mySessions(ctx, requireActor(request))).map((s) => toSessionView(ctx, s))) }),
  );

  app.get(
    '/api/v1/outreach/sessions/:id/pack',
    {
      schema: {
        operationId: 'outreachPack',
        tags: ['outreach'],
        summary: 'Everything a device caches before leaving: procedure versions, center, provisional deadlines per hour of the session day',
        params: Id,
        response: { 200: OutreachPack, ...errors },
      },
    },
    async (request) => packOf(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/outreach/sessions/:id/dossiers',
    {
      schema: {
        operationId: 'syncOutreachDossier',
        tags: ['outreach'],
        summary: 'Sync one dossier received offline (idempotent by its key): the official code and deadline, or the conflict to review; then upload its photos',
        params: Id,
        body: OutreachSubmission,
        response: { 200: OutreachSyncResult, 201: OutreachSyncResult, ...errors },
      },
    },
    async (request, reply) => {
      const { result, created } = await syncDossier(ctx, requireActor(request), request.params.id, request.body);
      if (created) ctx.wakeOutbox();
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/v1/outreach/sessions/:id/report',
    { schema: { operationId: 'outreachReport', tags: ['outreach'], summary: 'Session report: received, finished on the spot, taken back, by procedure', params: Id, response: { 200: OutreachReport, ...errors } } },
    async (request) => reportOf(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/outreach/uploads/:id',
    { schema: { operationId: 'getOutreachUpload', tags: ['outreach'], summary: 'How much of a photo arrived (resume from `received`)', params: Id, response: { 200: OutreachUpload, ...errors } } },
    async (request) => uploadView(await uploadOf(ctx, requireActor(request), request.params.id)),
  );

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/offset+octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES }, (_req, body, done) => done(null, body));
    scope.patch(
      '/api/v1/outreach/uploads/:id',
      {
        bodyLimit: MAX_CHUNK_BYTES,
        schema: {
          operationId: 'appendOutreachChunk',
          tags: ['outreach'],
          summary: 'Send the next chunk (≤ 2 MB, application/offset+octet-stream) at Upload-Offset; the last one is checked against the declared SHA-256',
          consumes: ['application/offset+octet-stream'],
          params: Id,
          headers: z.object({ 'upload-offset': z.coerce.number().int().min(0) }),
          response: { 200: OutreachUpload, 413: Problem, 415: Problem, ...errors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new DomainError('validation', 'outreach.bad_chunk', 'Send the chunk as application/offset+octet-stream.', { errors: [{ path: 'body', message: 'not binary' }] });
        return uploadView(await appendChunk(ctx, requireActor(request), request.params.id, request.headers['upload-offset'], new Uint8Array(request.body)));
      },
    );
  });
}
