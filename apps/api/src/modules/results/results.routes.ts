import { z } from 'zod';
import { DossierView, Problem, PublicResult, ResultCode, ResultView, SignRequest, SignResponse, VerifyResponse } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { findDossier, toView, visibleOr404 } from '../dossier/index.ts';
import { publicOrigin } from '../forms/index.ts';
import { findResultByCode, listResults } from './results.repo.ts';
import { toPublicResult, toResultView } from './results.views.ts';
import { signResult } from './sign.service.ts';
import { verifyPdf } from './verify.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const MAX_PDF_BYTES = 20 * 1024 * 1024;
const pdfBody = z.any().describe('PDF document (application/pdf)');

export function resultsRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/dossiers/:id/sign',
    {
      schema: {
        operationId: 'signDossierResult',
        tags: ['results'],
        summary: 'Leader signs: approves the dossier and issues its digitally signed e-result {code}-KQ{n}, in one transaction',
        params: z.object({ id: z.uuid() }),
        body: SignRequest,
        response: { 200: SignResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const out = await signResult(ctx, actor, request.params.id, request.body, publicOrigin(ctx, request));
      const result = await findResultByCode(ctx.db, out.result.code);
      return { dossier: DossierView.parse(toView(out.dossier, actor)), result: await toResultView(ctx.db, result!) };
    },
  );

  app.get(
    '/api/v1/dossiers/:id/results',
    {
      schema: {
        operationId: 'listDossierResults',
        tags: ['results'],
        summary: "A dossier's e-results (staff)",
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(ResultView) }), ...errors },
      },
    },
    async (request) => {
      const d = visibleOr404(requireActor(request), await findDossier(ctx.db, request.params.id));
      return { items: await Promise.all((await listResults(ctx.db, d.id)).map((r) => toResultView(ctx.db, r))) };
    },
  );

  app.get(
    '/api/v1/results/:code/pdf',
    {
      schema: {
        operationId: 'getResultPdf',
        tags: ['results'],
        summary: 'The signed e-result PDF (staff who can read the dossier)',
        params: z.object({ code: ResultCode }),
        response: { 200: pdfBody, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const r = await findResultByCode(ctx.db, request.params.code);
      if (!r) throw notFound('results.not_found', 'No result with this code.');
      visibleOr404(actor, await findDossier(ctx.db, r.dossierId));
      const pdf = await ctx.storage.get(r.fileKey);
      if (!pdf) throw notFound('results.file_missing', 'The result file is missing from storage.');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${r.code}.pdf"`).header('cache-control', 'private, no-store').send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/v1/results/:code',
    {
      schema: {
        operationId: 'getPublicResult',
        tags: ['results'],
        summary: 'Public: who issued and signed a result, when, and the SHA-256 of the signed file',
        params: z.object({ code: ResultCode }),
        response: { 200: PublicResult, 400: Problem, 404: Problem, 429: Problem },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      const r = await findResultByCode(ctx.db, request.params.code);
      if (!r) throw notFound('results.not_found', 'No result with this code.');
      return toPublicResult(ctx.db, r);
    },
  );

  // The uploaded file is the body itself (Content-Type: application/pdf); the parser lives in this scope only.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/results/verify',
      {
        bodyLimit: MAX_PDF_BYTES,
        schema: {
          operationId: 'verifyResultPdf',
          tags: ['results'],
          summary: 'Public: upload a PDF (Content-Type: application/pdf) → valid / tampered / unknown',
          consumes: ['application/pdf'],
          response: { 200: VerifyResponse, 400: Problem, 413: Problem, 415: Problem, 429: Problem },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0 || body.subarray(0, 5).toString('latin1') !== '%PDF-') {
          throw new DomainError('validation', 'results.not_a_pdf', 'Upload a PDF file.', { errors: [{ path: 'body', message: 'not a PDF' }] });
        }
        return verifyPdf(ctx, new Uint8Array(body));
      },
    );
  });
}
