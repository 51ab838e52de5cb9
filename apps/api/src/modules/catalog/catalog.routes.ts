import { z } from 'zod';
import {
  Offering,
  Problem,
  ProcedureCode,
  ProcedureDetail,
  ProcedureSearchQuery,
  ProcedureSearchResult,
  ProcedureVersion,
  SectorCount,
  VersionDiff,
  VersionListItem,
} from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { findCenter } from '../units/index.ts';
import { findCurrentVersion, findProcedure, findVersion, listVersions, openFlagsOf } from './catalog.repo.ts';
import { diffContent } from './diff.ts';
import { listOfferings } from './offerings.ts';
import { listSectors, searchProcedures } from './search.repo.ts';

const errors = { 400: Problem, 404: Problem };
const CodeParams = z.object({ code: ProcedureCode });
const missing = () => notFound('catalog.procedure_not_found', 'No such procedure.');

/** Public: citizens, kiosks and the portal read the catalog without signing in. */
export function catalogRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/procedures',
    {
      schema: {
        operationId: 'searchProcedures',
        tags: ['catalog'],
        summary: 'Search procedures in force (accent- and case-insensitive, typo-tolerant), most relevant first',
        querystring: ProcedureSearchQuery,
        response: { 200: ProcedureSearchResult, 400: Problem },
      },
    },
    async (request) => searchProcedures(ctx.db, request.query, ctx.clock.now()),
  );

  app.get(
    '/api/v1/procedures/sectors',
    { schema: { operationId: 'listProcedureSectors', tags: ['catalog'], summary: 'Sectors (lĩnh vực) with the number of procedures in force', response: { 200: z.array(SectorCount) } } },
    async () => listSectors(ctx.db, ctx.clock.now()),
  );

  app.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        operationId: 'getProcedure',
        tags: ['catalog'],
        summary: 'The version of a procedure in force now, in full',
        params: CodeParams,
        response: { 200: ProcedureDetail, ...errors },
      },
    },
    async (request) => {
      const now = ctx.clock.now();
      const [procedure, version] = await Promise.all([findProcedure(ctx.db, request.params.code), findCurrentVersion(ctx.db, request.params.code, now)]);
      if (!procedure || !version) throw missing();
      // Review notes are for the people who maintain the catalog, not for the public page.
      const flags = request.actor?.role === 'province_admin' ? await openFlagsOf(ctx.db, procedure.code) : [];
      return { ...version, retiredAt: procedure.retiredAt?.toISOString() ?? null, openFlags: flags };
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions',
    {
      schema: {
        operationId: 'listProcedureVersions',
        tags: ['catalog'],
        summary: 'Every published version, newest first, marking the one in force',
        params: CodeParams,
        response: { 200: z.array(VersionListItem), ...errors },
      },
    },
    async (request) => {
      const list = await listVersions(ctx.db, request.params.code, ctx.clock.now());
      if (list.length === 0) throw missing();
      return list;
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions/:versionId',
    {
      schema: {
        operationId: 'getProcedureVersion',
        tags: ['catalog'],
        summary: 'One published version exactly as it was',
        params: CodeParams.extend({ versionId: z.uuid() }),
        response: { 200: ProcedureVersion, ...errors },
      },
    },
    async (request) => {
      const version = await findVersion(ctx.db, request.params.versionId);
      if (!version || version.code !== request.params.code) throw notFound('catalog.version_not_found', 'No such version of this procedure.');
      return version;
    },
  );

  app.get(
    '/api/v1/procedures/:code/diff',
    {
      schema: {
        operationId: 'diffProcedureVersions',
        tags: ['catalog'],
        summary: 'Field-by-field difference between two versions',
        params: CodeParams,
        querystring: z.object({ from: z.uuid(), to: z.uuid() }),
        response: { 200: VersionDiff, ...errors },
      },
    },
    async (request) => {
      const [from, to] = await Promise.all([findVersion(ctx.db, request.query.from), findVersion(ctx.db, request.query.to)]);
      if (!from || !to || from.code !== request.params.code || to.code !== request.params.code) {
        throw notFound('catalog.version_not_found', 'No such version of this procedure.');
      }
      const strip = ({ id: _i, code: _c, version: _v, effectiveFrom: _e, publishedAt: _p, source: _s, changeNote: _n, ...content }: ProcedureVersion) => content;
      return { code: request.params.code, from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, changes: diffContent(strip(from), strip(to)) };
    },
  );

  app.get(
    '/api/v1/centers/:id/procedures',
    {
      schema: {
        operationId: 'listCenterProcedures',
        tags: ['catalog'],
        summary: 'Procedures a center offers and the service group serving each (public)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.array(Offering), ...errors },
      },
    },
    async (request) => {
      if (!(await findCenter(ctx.db, request.params.id))) throw notFound('units.center_not_found', 'No such center.');
      return listOfferings(ctx.db, request.params.id);
    },
  );
}
