import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { CitizenProfile, CitizenSession, OtpRequest, OtpRequested, OtpVerify, Problem, ProfileUpdate } from '@motcua/contracts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/http/app.ts';
import { renameCitizenUser, setSessionCookie } from '../auth/index.ts';
import { requireActor } from '../../platform/http/request.ts';
import { subjectOf } from './assist.service.ts';
import { requireCitizen } from './citizen.access.ts';
import { findCitizen, toProfile } from './citizen.repo.ts';
import { citizens } from './citizen.tables.ts';
import { requestOtp, verifyOtp } from './otp.service.ts';

const limited = (max: number) => ({
  max,
  timeWindow: '1 minute',
  errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) => new DomainError('rate_limited', 'rate_limited', `Too many requests; try again in ${c.after}.`),
});
const client = (r: FastifyRequest) => ({ ip: r.ip ?? null, userAgent: r.headers['user-agent']?.slice(0, 300) ?? null });

export function citizenRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/citizen/otp',
    {
      schema: {
        operationId: 'requestCitizenOtp',
        tags: ['citizen'],
        summary: 'Send a 6-digit sign-in code by SMS (same answer whether or not the phone has an account)',
        body: OtpRequest,
        response: { 200: OtpRequested, 400: Problem, 429: Problem },
      },
      config: { rateLimit: limited(ctx.config.loginRateLimit) },
    },
    async (request) => requestOtp(ctx, request.body.phone, request.ip ?? null),
  );

  app.post(
    '/api/v1/citizen/otp/verify',
    {
      schema: {
        operationId: 'verifyCitizenOtp',
        tags: ['citizen'],
        summary: 'Sign in with the code: sets the session cookie and returns a bearer token (account created on first sign-in)',
        body: OtpVerify,
        response: { 200: CitizenSession, 400: Problem, 401: Problem, 429: Problem },
      },
      config: { rateLimit: limited(ctx.config.loginRateLimit) },
    },
    async (request, reply) => {
      const session = await verifyOtp(ctx, request.body.phone, request.body.code, client(request));
      setSessionCookie(ctx, reply, session.token);
      return session;
    },
  );

  app.get(
    '/api/v1/citizen/me',
    { schema: { operationId: 'getCitizenMe', tags: ['citizen'], summary: 'My citizen profile', response: { 200: CitizenProfile, 401: Problem, 403: Problem } } },
    async (request) => {
      // A helper with a recorded consent (assisted mode) sees the citizen they file for.
      const behalf = request.headers['x-on-behalf-of'];
      const s = await subjectOf(ctx, requireActor(request), typeof behalf === 'string' && behalf ? behalf : undefined);
      const c = await findCitizen(ctx.db, s.citizenId);
      if (!c) throw notFound('citizen.not_found', 'No citizen profile.');
      return toProfile(c);
    },
  );

  app.patch(
    '/api/v1/citizen/me',
    {
      schema: {
        operationId: 'updateCitizenMe',
        tags: ['citizen'],
        summary: 'Change my name, e-mail, language and the channels I am notified on',
        body: ProfileUpdate,
        response: { 200: CitizenProfile, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const me = requireCitizen(request);
      const b = request.body;
      const channels = b.channels ? [...new Set(b.channels)] : undefined;
      const patch = {
        ...(b.fullName !== undefined ? { fullName: b.fullName } : {}),
        ...(b.email !== undefined ? { email: b.email } : {}),
        ...(b.language !== undefined ? { language: b.language } : {}),
        ...(channels !== undefined ? { channels } : {}),
      };
      // A body naming nothing we keep changes nothing (an empty SET is not SQL: it was a 500).
      const row = await ctx.db.transaction(async (tx) => {
        if (Object.keys(patch).length === 0) return findCitizen(tx, me.userId);
        const [updated] = await tx.update(citizens).set(patch).where(eq(citizens.userId, me.userId)).returning();
        if (updated && b.fullName !== undefined) await renameCitizenUser(tx, me.userId, b.fullName);
        return updated;
      });
      if (!row) throw notFound('citizen.not_found', 'No citizen profile.');
      return toProfile(row);
    },
  );
}
