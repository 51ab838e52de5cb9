import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway protocol's signature: HMAC-SHA256 (hex) over the canonical string of every field but
 * `signature` — keys sorted, `key=value` joined by `&`, values as sent. Pure.
 */
export type SignedFields = Record<string, string | number | null | undefined>;

export function canonical(fields: SignedFields): string {
  return Object.keys(fields)
    .filter((k) => k !== 'signature' && fields[k] !== undefined && fields[k] !== null)
    .sort()
    .map((k) => `${k}=${String(fields[k])}`)
    .join('&');
}

export function sign(secret: string, fields: SignedFields): string {
  return createHmac('sha256', secret).update(canonical(fields), 'utf8').digest('hex');
}

/** Constant-time check of a given signature (any length, any case) against the expected one. */
export function verify(secret: string, fields: SignedFields, given: unknown): boolean {
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
  const expected = Buffer.from(sign(secret, fields), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
