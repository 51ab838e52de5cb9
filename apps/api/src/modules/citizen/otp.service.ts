import { and, desc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { enqueueInTx } from '../../platform/outbox/outbox.ts';
import { ensureCitizenUser, openSession, type ClientInfo } from '../auth/index.ts';
import { findCitizen, findCitizenByPhone, toProfile } from './citizen.repo.ts';
import { citizens, otpChallenges } from './citizen.tables.ts';
import { codeMatches, hashCode, newCode, normalisePhone, OTP_MAX_ATTEMPTS, OTP_PER_IP, OTP_PER_PHONE, OTP_RESEND_SECONDS, OTP_TTL_SECONDS, OTP_WINDOW_MS } from './otp.rules.ts';

/** The outbox topic the notify module delivers SMS from (shared with the queue's ticket SMS). */
const SMS_TOPIC = 'sms.send';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'config' | 'wakeOutbox'>;

/**
 * Sends a 6-digit sign-in code by SMS. The answer is the same whether or not the phone has an
 * account. At most one code a minute and OTP_PER_PHONE per window per phone, OTP_PER_IP per address.
 */
export async function requestOtp(deps: Deps, rawPhone: string, ip: string | null) {
  const phone = normalisePhone(rawPhone);
  const now = deps.clock.now();
  const since = new Date(now.getTime() - OTP_WINDOW_MS);
  const [stats] = rowsOf<{ by_phone: number; by_ip: number; last_at: string | Date | null }>(
    await deps.db.execute(sql`
      select count(*) filter (where phone = ${phone})::int as by_phone,
             count(*) filter (where ip = ${ip})::int as by_ip,
             max(created_at) filter (where phone = ${phone}) as last_at
      from otp_challenges where created_at > ${since} and (phone = ${phone} or ip = ${ip})`),
  );
  const last = stats?.last_at ? new Date(stats.last_at) : null;
  if (last && now.getTime() - last.getTime() < OTP_RESEND_SECONDS * 1000) {
    throw new DomainError('rate_limited', 'citizen.otp_too_soon', 'A code was just sent; wait a minute before asking again.');
  }
  if (Number(stats?.by_phone ?? 0) >= OTP_PER_PHONE || Number(stats?.by_ip ?? 0) >= OTP_PER_IP) {
    throw new DomainError('rate_limited', 'citizen.otp_rate_limited', 'Too many codes requested; try again in 15 minutes.');
  }
  const existing = await findCitizenByPhone(deps.db, phone);
  const id = deps.ids.next();
  const code = newCode();
  // The outbox message names the challenge, not the code: outbox rows are kept after delivery (and
  // dead letters are shown to admins), so a code in the payload would stay readable there. The code
  // waits in its challenge row (`sms_code`) only until the SMS gateway has taken it, then is wiped;
  // from then on only its salted hash exists. See takeOtpCodeForSms / forgetOtpCode.
  await deps.db.transaction(async (tx) => {
    await tx.insert(otpChallenges).values({ id, phone, codeHash: hashCode(id, code), smsCode: code, ip, createdAt: now, expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000) });
    await enqueueInTx(tx, deps, { topic: SMS_TOPIC, idempotencyKey: `otp:${id}`, payload: { to: phone, template: 'citizen.otp', otpChallengeId: id, lang: existing?.language ?? 'vi', citizenId: existing?.userId ?? null } });
    // Codes whose SMS never went out (gateway down past their lifetime) are not kept either.
    await tx.update(otpChallenges).set({ smsCode: null }).where(and(isNotNull(otpChallenges.smsCode), lt(otpChallenges.expiresAt, now)));
  });
  deps.wakeOutbox();
  return { expiresInSeconds: OTP_TTL_SECONDS, resendAfterSeconds: OTP_RESEND_SECONDS };
}

const invalid = () => new DomainError('unauthenticated', 'citizen.otp_invalid', 'The code is wrong or has expired; ask for a new one.');

/** Checks the code against the phone's latest live challenge; a new citizen's account is created on the first success. */
export async function verifyOtp(deps: Deps, rawPhone: string, code: string, client: ClientInfo) {
  const phone = normalisePhone(rawPhone);
  const now = deps.clock.now();
  const [challenge] = await deps.db
    .select()
    .from(otpChallenges)
    .where(and(eq(otpChallenges.phone, phone), isNull(otpChallenges.consumedAt), gt(otpChallenges.expiresAt, now)))
    .orderBy(desc(otpChallenges.createdAt))
    .limit(1);
  if (!challenge) throw invalid();
  // Count the attempt first (committed even when the code is wrong), so guessing stops at OTP_MAX_ATTEMPTS.
  const counted = await deps.db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(and(eq(otpChallenges.id, challenge.id), lt(otpChallenges.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ id: otpChallenges.id });
  if (counted.length === 0 || !codeMatches(challenge.id, challenge.codeHash, code)) throw invalid();

  return deps.db.transaction(async (tx) => {
    const consumed = await tx
      .update(otpChallenges)
      .set({ consumedAt: now, smsCode: null })
      .where(and(eq(otpChallenges.id, challenge.id), isNull(otpChallenges.consumedAt)))
      .returning({ id: otpChallenges.id });
    if (consumed.length === 0) throw invalid();
    const username = `citizen:${phone}`;
    const userId = await ensureCitizenUser(tx, deps, { username, fullName: phone });
    await tx.insert(citizens).values({ userId, phone, createdAt: now }).onConflictDoNothing();
    const session = await openSession(tx, deps, { id: userId, username }, client);
    const citizen = (await findCitizen(tx, userId))!;
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), citizen: toProfile(citizen) };
  });
}


/**
 * For the SMS handler: the code of a challenge still waiting for its SMS, or null when there is
 * nothing to send any more (already sent, used or expired).
 */
export async function takeOtpCodeForSms(deps: Pick<AppContext, 'db' | 'clock'>, challengeId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ code: otpChallenges.smsCode })
    .from(otpChallenges)
    .where(and(eq(otpChallenges.id, challengeId), isNull(otpChallenges.consumedAt), gt(otpChallenges.expiresAt, deps.clock.now())));
  return row?.code ?? null;
}

/** Once the gateway has the SMS, the code is wiped: only its hash remains at rest. */
export async function forgetOtpCode(deps: Pick<AppContext, 'db'>, challengeId: string): Promise<void> {
  await deps.db.update(otpChallenges).set({ smsCode: null }).where(eq(otpChallenges.id, challengeId));
}
