import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_ATTEMPTS = 5;
/** Codes sent per phone and per client address in OTP_WINDOW_MS. */
export const OTP_PER_PHONE = 3;
export const OTP_PER_IP = 10;
export const OTP_WINDOW_MS = 15 * 60_000;

/** 0905123456 and +84905123456 are the same subscriber; stored in the national 0… form. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s.-]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits;
}

export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Salted with the challenge id: equal codes of two challenges hash differently. */
export const hashCode = (challengeId: string, code: string) => createHash('sha256').update(`${challengeId}:${code}`).digest('hex');

export function codeMatches(challengeId: string, storedHash: string, code: string): boolean {
  const a = Buffer.from(hashCode(challengeId, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
