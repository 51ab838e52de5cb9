import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { CitizenPhone, Problem } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { requireActor } from '../../platform/http/request.ts';
import { userNames } from '../auth/index.ts';
import { findDossier, visibleOr404 } from '../dossier/index.ts';
import { recordAssistConsent } from './assist.service.ts';
import { findCitizen, findCitizenByPhone, reuseFlagsOf } from './citizen.repo.ts';
import { citizens, consents, dossierOnline } from './citizen.tables.ts';
import { normalisePhone } from './otp.rules.ts';
import { lookupMaritalStatus } from './population.client.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 503: Problem };
const staffRoles = new Set(['counter_officer', 'specialist', 'leader', 'director']);

export function assistRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/assisted/consents',
    {
      schema: {
        operationId: 'recordAssistConsent',
        tags: ['citizen'],
        summary: 'Assisted mode: an officer or registered volunteer records the citizen’s consent; then files with the header x-on-behalf-of: citizenId',
        body: z.object({ phone: CitizenPhone, fullName: z.string().trim().min(2).max(120).optional(), statement: z.string().trim().min(10).max(1000).optional(), consent: z.literal(true) }),
        response: { 201: z.object({ citizenId: z.uuid(), consentId: z.uuid(), phone: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordAssistConsent(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/dossiers/:id/online',
    {
      schema: {
        operationId: 'getDossierOnlineFacts',
        tags: ['citizen'],
        summary: 'Staff: who filed an online dossier, who helped and with which consent, what was reused (once-only)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            online: z.boolean(),
            citizenPhone: z.string().nullable(),
            helper: z.object({ id: z.uuid(), name: z.string().nullable(), role: z.string() }).nullable(),
            consentGivenAt: z.string().nullable(),
            populationDataUsed: z.boolean(),
            reusedComponents: z.array(z.object({ itemId: z.string(), source: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const d = visibleOr404(requireActor(request), await findDossier(ctx.db, request.params.id));
      const flags = await reuseFlagsOf(ctx.db, d.id);
      const [row] = await ctx.db.select().from(dossierOnline).where(eq(dossierOnline.dossierId, d.id));
      const citizen = row ? await findCitizen(ctx.db, row.citizenId) : null;
      const [consent] = row?.consentId ? await ctx.db.select().from(consents).where(eq(consents.id, row.consentId)) : [];
      const names = row?.helperId ? await userNames(ctx.db, [row.helperId]) : new Map<string, string>();
      return {
        online: flags.online,
        citizenPhone: citizen?.phone ?? null,
        helper: row?.helperId ? { id: row.helperId, name: names.get(row.helperId) ?? null, role: row.helperRole ?? '' } : null,
        consentGivenAt: consent ? consent.givenAt.toISOString() : null,
        populationDataUsed: flags.populationDataUsed,
        reusedComponents: flags.reusedComponents,
      };
    },
  );

  app.post(
    '/api/v1/civil-status/marital-status',
    {
      schema: {
        operationId: 'lookupMaritalStatus',
        tags: ['citizen'],
        summary: 'Staff: marital status from the civil-status registry of another commune or province (instead of sending the citizen for a paper)',
        body: z.object({ communeCode: z.string().regex(/^\d{5}$/), idNumber: z.string().regex(/^\d{12}$/) }),
        response: { 200: z.object({ communeCode: z.string(), idNumber: z.string(), found: z.boolean(), fullName: z.string().optional(), maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).optional() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!staffRoles.has(actor.role) || !actor.centerId) throw forbidden('citizen.staff_only', 'Only center staff query the civil-status registries.');
      const record = await lookupMaritalStatus(ctx.config.citizen.populationUrl, request.body.communeCode, request.body.idNumber);
      ctx.log.info({ actor: actor.userId, communeCode: request.body.communeCode, found: record.found }, 'civil-status lookup');
      return record;
    },
  );

  app.post(
    '/api/v1/volunteers',
    {
      schema: {
        operationId: 'registerVolunteer',
        tags: ['citizen'],
        summary: 'Director: register a citizen account (by phone) as a volunteer of the center’s digital-support team',
        body: z.object({ phone: CitizenPhone }),
        response: { 200: z.object({ citizenId: z.uuid(), centerId: z.uuid() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.role !== 'director' || !actor.centerId) throw forbidden('citizen.director_only', 'The center director registers volunteers.');
      const c = await findCitizenByPhone(ctx.db, normalisePhone(request.body.phone));
      if (!c) throw notFound('citizen.not_found', 'The volunteer must first sign in to the portal once with this phone.');
      await ctx.db.update(citizens).set({ volunteerCenterId: actor.centerId }).where(eq(citizens.userId, c.userId));
      return { citizenId: c.userId, centerId: actor.centerId };
    },
  );
}
