import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { findDossierByCode, type DossierRow } from './dossier.repo.ts';
import { appSecrets, trackingFailures } from './tracking.tables.ts';

/** Failed look-ups of one code allowed per window; after that every answer is "not found" until the window ends. */
export const TRACKING_MAX_FAILURES = 10;
export const TRACKING_WINDOW_MS = 60 * 60_000;

// No 0/O/1/I: the secret is read off paper and typed on a phone. 32 symbols, so byte % 32 is unbiased.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const keys = new WeakMap<object, Promise<string>>();

function trackingKey(db: Db): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = db
      .select({ value: appSecrets.value })
      .from(appSecrets)
      .where(eq(appSecrets.name, 'tracking'))
      .then((rows) => {
        if (!rows[0]) throw new Error('app_secrets has no tracking key (migration 0011 not applied?)');
        return rows[0].value;
      });
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/**
 * The 8-character tracking secret of a dossier, printed on Form 01 next to the code. Derived
 * (HMAC with a per-database key), so every dossier has one without storing it.
 */
export async function trackingSecretOf(deps: Pick<AppContext, 'db'>, dossierId: string): Promise<string> {
  const mac = createHmac('sha256', await trackingKey(deps.db)).update(`dossier:${dossierId}`).digest();
  return Array.from(mac.subarray(0, 8), (b) => ALPHABET[b % 32]).join('');
}

const normalise = (s: string) => s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function matches(deps: Pick<AppContext, 'db'>, d: DossierRow, factor: string): Promise<boolean> {
  if (/^\d{4}$/.test(factor)) {
    const phone = d.applicant.phone ?? '';
    return phone.length >= 10 && sameText(phone.slice(-4), factor);
  }
  return factor.length === 8 && sameText(await trackingSecretOf(deps, d.id), factor);
}

/**
 * Public look-up: the dossier whose code is `code`, if `factor` is the last 4 digits of the
 * applicant's phone or the secret printed on Form 01; otherwise null. An unknown code, a wrong
 * factor and a locked-out code all answer null, so callers can give one uniform answer. Every
 * failure counts against the code (known or not); after TRACKING_MAX_FAILURES in
 * TRACKING_WINDOW_MS the code is locked for the rest of the window.
 */
export async function findDossierBySecondFactor(deps: Pick<AppContext, 'db' | 'clock'>, code: string, factor: string): Promise<DossierRow | null> {
  const now = deps.clock.now();
  const key = code.normalize('NFKC').replace(/\s/g, '').toUpperCase().slice(0, 60);
  const f = normalise(factor).slice(0, 20);
  const windowStart = new Date(now.getTime() - TRACKING_WINDOW_MS);
  const [lock] = await deps.db.select().from(trackingFailures).where(eq(trackingFailures.key, key));
  if (lock && lock.windowStart > windowStart && lock.failures >= TRACKING_MAX_FAILURES) return null;
  const d = key.length > 0 ? await findDossierByCode(deps.db, key) : null;
  if (d && f.length > 0 && (await matches(deps, d, f))) return d;
  await deps.db
    .insert(trackingFailures)
    .values({ key, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: trackingFailures.key,
      set: {
        failures: sql`case when ${trackingFailures.windowStart} <= ${windowStart} then 1 else ${trackingFailures.failures} + 1 end`,
        windowStart: sql`case when ${trackingFailures.windowStart} <= ${windowStart} then ${now}::timestamptz else ${trackingFailures.windowStart} end`,
      },
    });
  return null;
}
