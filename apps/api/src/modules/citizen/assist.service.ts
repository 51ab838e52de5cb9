import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import { ensureCitizenUser } from '../auth/index.ts';
import { findCitizen, findCitizenByPhone } from './citizen.repo.ts';
import { citizens, consents } from './citizen.tables.ts';
import { normalisePhone } from './otp.rules.ts';
import type { Filer } from './submit.service.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids'>;

/** How long a recorded consent to be helped lets the helper act for the citizen. */
export const ASSIST_CONSENT_HOURS = 24;
const STAFF_HELPERS = new Set(['counter_officer', 'leader', 'director']);
const CitizenId = z.uuid();

export const PREFILL_STATEMENT = 'Tôi đồng ý để cơ quan tiếp nhận khai thác thông tin của tôi trong Cơ sở dữ liệu quốc gia về dân cư để điền sẵn hồ sơ.';
export const ASSIST_STATEMENT = 'Tôi đồng ý để cán bộ / tình nguyện viên dưới đây nộp hồ sơ trực tuyến và bổ sung giấy tờ khi được yêu cầu thay tôi, bằng tài khoản của tôi.';

async function isHelper(deps: Pick<AppContext, 'db'>, actor: Actor): Promise<boolean> {
  if (STAFF_HELPERS.has(actor.role) && actor.centerId) return true;
  if (actor.role !== 'citizen') return false;
  return (await findCitizen(deps.db, actor.userId))?.volunteerCenterId != null;
}

/**
 * Assisted mode, step 1: an officer or registered volunteer records the citizen's consent (the
 * citizen signs on paper or says yes at the counter); the citizen's account is created if needed.
 */
export async function recordAssistConsent(deps: Deps, helper: Actor, input: { phone: string; fullName?: string | undefined; statement?: string | undefined }) {
  if (!(await isHelper(deps, helper))) throw forbidden('citizen.not_a_helper', 'Only counter staff and registered volunteers file for others.');
  const phone = normalisePhone(input.phone);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const existing = await findCitizenByPhone(tx, phone);
    const citizenId = existing?.userId ?? (await ensureCitizenUser(tx, deps, { username: `citizen:${phone}`, fullName: input.fullName ?? phone }));
    if (citizenId === helper.userId) throw new DomainError('business_rule', 'citizen.self_assist', 'A volunteer files for others, not for themself.');
    if (!existing) await tx.insert(citizens).values({ userId: citizenId, phone, fullName: input.fullName ?? null, createdAt: now }).onConflictDoNothing();
    const consentId = deps.ids.next();
    await tx.insert(consents).values({ id: consentId, citizenId, purpose: 'assisted_filing', givenAt: now, recordedBy: helper.userId, statement: input.statement ?? ASSIST_STATEMENT });
    return { citizenId, consentId, phone };
  });
}

/**
 * Who the portal request is for and who files it: the signed-in citizen, or — with the
 * `x-on-behalf-of` header — a citizen whose consent this helper recorded in the last 24 hours.
 */
export async function subjectOf(deps: Pick<AppContext, 'db' | 'clock'>, actor: Actor, onBehalfOf: string | undefined): Promise<{ citizenId: string; filer: Filer }> {
  if (!onBehalfOf) {
    if (actor.role !== 'citizen') throw forbidden('citizen.only', 'This is for citizens signed in to the portal.');
    return { citizenId: actor.userId, filer: { userId: actor.userId, role: 'citizen', name: actor.fullName, volunteer: false, consentId: null } };
  }
  if (!CitizenId.safeParse(onBehalfOf).success) {
    throw new DomainError('validation', 'citizen.bad_on_behalf_of', 'The x-on-behalf-of header is not a citizen id.', { errors: [{ path: 'headers.x-on-behalf-of', message: 'must be the citizen id (UUID) the consent was recorded for' }] });
  }
  if (!(await isHelper(deps, actor))) throw forbidden('citizen.not_a_helper', 'Only counter staff and registered volunteers file for others.');
  const since = new Date(deps.clock.now().getTime() - ASSIST_CONSENT_HOURS * 3_600_000);
  const [consent] = await deps.db
    .select()
    .from(consents)
    .where(and(eq(consents.citizenId, onBehalfOf), eq(consents.purpose, 'assisted_filing'), eq(consents.recordedBy, actor.userId), gt(consents.givenAt, since)))
    .orderBy(desc(consents.givenAt))
    .limit(1);
  if (!consent) throw forbidden('citizen.no_consent', 'Record the citizen’s consent before filing for them.');
  const role = actor.role === 'citizen' ? 'citizen' : (actor.role as Filer['role']);
  return { citizenId: onBehalfOf, filer: { userId: actor.userId, role, name: actor.fullName, volunteer: actor.role === 'citizen', consentId: consent.id } };
}
