import type { Actor } from '../../platform/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findCenter, findProvince } from '../units/index.ts';
import { createAuthority, issueSigner, newPassphrase, type Issued, type Name } from './certificates.ts';
import { findAuthority, findSignerKey, insertKeyIfAbsent, type SigningKeyRow } from './results.repo.ts';

type Deps = Pick<AppContext, 'db' | 'clock' | 'ids' | 'storage'>;

/** What the certificate calls a signer; also printed under the signature. */
export const signerTitles: Record<string, string> = { leader: 'Lãnh đạo', director: 'Giám đốc Trung tâm' };

const DEMO_ORG = 'Motcua demo PKI (not a licensed CA)';

export const authorityName = (provinceName: string): Name => ({ commonName: `Motcua Demo CA — ${provinceName}`, organization: DEMO_ORG, locality: provinceName });

async function store(deps: Deps, provinceCode: string, kind: SigningKeyRow['kind'], userId: string | null, passphrase: string, cert: Issued): Promise<SigningKeyRow> {
  const id = deps.ids.next();
  const keyFile = `keys/${provinceCode}/${id}.p12`;
  await deps.storage.put(keyFile, cert.p12, 'application/x-pkcs12');
  const row: SigningKeyRow = {
    id,
    provinceCode,
    kind,
    userId,
    subject: cert.subject,
    issuer: cert.issuer,
    serial: cert.serial,
    fingerprintSha256: cert.fingerprintSha256,
    certificatePem: cert.certPem,
    keyFile,
    passphrase,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    createdAt: deps.clock.now(),
  };
  if (await insertKeyIfAbsent(deps.db, row)) return row;
  // Someone else created it a moment earlier: theirs wins, ours is dropped.
  await deps.storage.delete(keyFile);
  const winner = kind === 'province_ca' ? await findAuthority(deps.db, provinceCode) : await findSignerKey(deps.db, userId!);
  if (!winner) throw new Error('signing key vanished after a conflicting insert');
  return winner;
}

/** The province's demo CA, created on first use. */
export async function ensureAuthority(deps: Deps, provinceCode: string): Promise<SigningKeyRow> {
  const existing = await findAuthority(deps.db, provinceCode);
  if (existing) return existing;
  const province = await findProvince(deps.db, provinceCode);
  if (!province) throw notFound('units.province_not_found', 'No such province.');
  const passphrase = newPassphrase();
  return store(deps, provinceCode, 'province_ca', null, passphrase, await createAuthority(authorityName(province.fullName), deps.clock.now(), passphrase));
}

/** The leader's signing certificate, issued by the province CA on the first signature. */
export async function ensureSignerKey(deps: Deps, actor: Actor): Promise<SigningKeyRow> {
  const existing = await findSignerKey(deps.db, actor.userId);
  if (existing) return existing;
  const ca = await ensureAuthority(deps, actor.provinceCode);
  const center = actor.centerId ? await findCenter(deps.db, actor.centerId) : null;
  const province = await findProvince(deps.db, actor.provinceCode);
  const caP12 = await loadP12(deps, ca);
  const passphrase = newPassphrase();
  const subject: Name = {
    commonName: actor.fullName,
    title: signerTitles[actor.role] ?? actor.role,
    organizationalUnit: center?.name ?? 'Motcua',
    organization: DEMO_ORG,
    ...(province ? { locality: province.fullName } : {}),
  };
  const cert = await issueSigner({ p12: caP12, passphrase: ca.passphrase }, authorityName(province?.fullName ?? actor.provinceCode), subject, deps.clock.now(), passphrase);
  return store(deps, actor.provinceCode, 'signer', actor.userId, passphrase, cert);
}

export async function loadP12(deps: Pick<AppContext, 'storage'>, key: SigningKeyRow): Promise<Uint8Array> {
  const p12 = await deps.storage.get(key.keyFile);
  if (!p12) throw new Error(`signing key file missing: ${key.keyFile}`);
  return p12;
}
