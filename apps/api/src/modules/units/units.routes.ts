import { z } from 'zod';
import { Center, Commune, Problem, Province, ServiceGroup } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import {
  centerById,
  centerExists,
  centersInProvince,
  findCenter,
  findCenters,
  findProvince,
  listCommunes,
  listProvinces,
  listServiceGroups,
  readNoAppointmentPolicy,
  writeNoAppointmentPolicy,
} from './units.repo.ts';
import { canSeeCenter, centerScope } from './units.policy.ts';

const ProvinceCode = z.string().regex(/^\d{2}$/, 'a two-digit province code');
const errors = { 400: Problem, 401: Problem, 404: Problem };

export function unitsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/provinces',
    { schema: { operationId: 'listProvinces', tags: ['units'], summary: 'The 34 provinces and centrally-run cities', response: { 200: z.array(Province) } } },
    async () => listProvinces(ctx.db),
  );

  app.get(
    '/api/v1/provinces/:code/communes',
    {
      schema: {
        operationId: 'listCommunes',
        tags: ['units'],
        summary: 'Communes, wards and special zones of a province',
        params: z.object({ code: ProvinceCode }),
        response: { 200: z.array(Commune), ...errors },
      },
    },
    async (request) => {
      if (!(await findProvince(ctx.db, request.params.code))) throw notFound('units.province_not_found', 'No such province.');
      return listCommunes(ctx.db, request.params.code);
    },
  );

  app.get(
    '/api/v1/centers',
    {
      schema: {
        operationId: 'listCenters',
        tags: ['units'],
        summary: 'Centers the signed-in user may see; `scope=province`: every center of the staff member’s province (to route a boundary-free dossier)',
        querystring: z.object({ scope: z.enum(['mine', 'province']).default('mine') }),
        response: { 200: z.array(Center), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (request.query.scope === 'province' && actor.role !== 'citizen') return findCenters(ctx.db, centersInProvince(actor.provinceCode));
      const scope = centerScope(actor);
      if (scope.kind === 'none') return [];
      return findCenters(ctx.db, scope.kind === 'province' ? centersInProvince(scope.provinceCode) : centerById(scope.centerId));
    },
  );

  app.get(
    '/api/v1/centers/:id',
    {
      schema: {
        operationId: 'getCenter',
        tags: ['units'],
        summary: 'One center with its counters and working hours',
        params: z.object({ id: z.uuid() }),
        response: { 200: Center, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const center = await findCenter(ctx.db, request.params.id);
      // Another unit's center answers exactly like a missing one, so ids cannot be probed.
      if (!center || !canSeeCenter(actor, center)) throw notFound('units.center_not_found', 'No such center.');
      return center;
    },
  );

  // Public: kiosks and the citizen portal show a center's service groups without signing in.
  app.get(
    '/api/v1/centers/:id/service-groups',
    {
      schema: {
        operationId: 'listServiceGroups',
        tags: ['units'],
        summary: "A center's service groups (public)",
        params: z.object({ id: z.uuid() }),
        response: { 200: z.array(ServiceGroup), ...errors },
      },
    },
    async (request) => {
      if (!(await centerExists(ctx.db, request.params.id))) throw notFound('units.center_not_found', 'No such center.');
      return listServiceGroups(ctx.db, request.params.id);
    },
  );

  const Policy = z.object({
    weekdays: z.array(z.number().int().min(1).max(7)).max(7),
    procedureCodes: z.array(z.string().max(40)).max(2000),
  });

  app.get(
    '/api/v1/centers/:id/no-appointment',
    {
      schema: {
        operationId: 'getNoAppointmentPolicy',
        tags: ['units'],
        summary: "A center's no-appointment days and the procedures decided on the spot",
        params: z.object({ id: z.uuid() }),
        response: { 200: Policy, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const center = await findCenter(ctx.db, request.params.id);
      if (!center || !canSeeCenter(actor, center)) throw notFound('units.center_not_found', 'No such center.');
      return readNoAppointmentPolicy(ctx.db, center.id);
    },
  );

  app.put(
    '/api/v1/centers/:id/no-appointment',
    {
      schema: {
        operationId: 'setNoAppointmentPolicy',
        tags: ['units'],
        summary: 'Set the no-appointment days (center director or province admin)',
        params: z.object({ id: z.uuid() }),
        body: Policy,
        response: { 200: Policy, 403: Problem, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const center = await findCenter(ctx.db, request.params.id);
      if (!center || !canSeeCenter(actor, center)) throw notFound('units.center_not_found', 'No such center.');
      if (actor.role !== 'director' && actor.role !== 'province_admin') throw forbidden('units.director_only', 'Only the center director or the province admin sets this.');
      await writeNoAppointmentPolicy(ctx.db, center.id, request.body);
      return readNoAppointmentPolicy(ctx.db, center.id);
    },
  );
}
