import { z } from 'zod';
import {
  CatalogImportPreview,
  CatalogImportRequest,
  Offering,
  Problem,
  ProcedureCode,
  ProcedureVersion,
  PublishVersionRequest,
  ResolveFlagRequest,
  ReviewFlag,
  SetOfferingsRequest,
} from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { signedInOperations } from '../../platform/http/operations.ts';
import { requireActor } from '../../platform/http/request.ts';
import { listOpenFlags } from './catalog.repo.ts';
import { requireCatalogAdmin } from './catalog.policy.ts';
import { confirmFlag, publishVersion } from './catalog.service.ts';
import { applyImport, findImport, previewImport } from './import.service.ts';
import { setOfferings } from './offerings.ts';

const operation = signedInOperations('catalog', { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem });
const IdParams = z.object({ id: z.uuid() });

/** Province administrators maintain the catalog: edits, review of doubtful readings, offerings, imports. */
export function catalogAdminRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/procedures/:code/versions',
    {
      schema: operation({
        operationId: 'publishProcedureVersion',
        summary: 'Publish an edited procedure as a new version (province admin)',
        params: z.object({ code: ProcedureCode }),
        body: PublishVersionRequest,
        response: { 201: ProcedureVersion },
      }),
    },
    async (request, reply) => {
      const version = await publishVersion(ctx, requireActor(request), request.params.code, request.body);
      return reply.status(201).send(version);
    },
  );

  app.get(
    '/api/v1/catalog/flags',
    {
      schema: operation({
        operationId: 'listReviewFlags',
        summary: 'Open review flags: readings of the source to confirm or correct (province admin)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(ReviewFlag), total: z.number().int() }) },
      }),
    },
    async (request) => {
      requireCatalogAdmin(requireActor(request));
      return listOpenFlags(ctx.db, request.query);
    },
  );

  app.post(
    '/api/v1/catalog/flags/:id/confirm',
    {
      schema: operation({
        operationId: 'confirmReviewFlag',
        summary: 'Confirm that the flagged reading is correct (province admin)',
        params: IdParams,
        body: ResolveFlagRequest,
        response: { 204: z.null() },
      }),
    },
    async (request, reply) => {
      await confirmFlag(ctx, requireActor(request), request.params.id, request.body.note);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/centers/:id/procedures',
    {
      schema: operation({
        operationId: 'setCenterProcedures',
        summary: "Offer, regroup or withdraw procedures at a center of the admin's province",
        params: IdParams,
        body: SetOfferingsRequest,
        response: { 200: z.array(Offering) },
      }),
    },
    async (request) => setOfferings(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/catalog/imports',
    {
      // The national catalog as CSV is about 2 MB; leave room for a province's richer JSON.
      bodyLimit: 32 * 1024 * 1024,
      schema: operation({
        operationId: 'previewCatalogImport',
        summary: 'Upload a catalog file (CSV or JSON) and get the difference it would make; nothing changes yet',
        body: CatalogImportRequest,
        response: { 201: CatalogImportPreview },
      }),
    },
    async (request, reply) => reply.status(201).send(await previewImport(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/catalog/imports/:id',
    {
      schema: operation({
        operationId: 'getCatalogImport',
        summary: 'An uploaded catalog file and its difference',
        params: IdParams,
        response: { 200: CatalogImportPreview },
      }),
    },
    async (request) => {
      requireCatalogAdmin(requireActor(request));
      return findImport(ctx, request.params.id);
    },
  );

  app.post(
    '/api/v1/catalog/imports/:id/apply',
    {
      schema: operation({
        operationId: 'applyCatalogImport',
        summary: 'Apply a previewed import in one transaction (409 if the catalog changed since the preview)',
        params: IdParams,
        response: { 200: CatalogImportPreview },
      }),
    },
    async (request) => applyImport(ctx, requireActor(request), request.params.id),
  );
}
