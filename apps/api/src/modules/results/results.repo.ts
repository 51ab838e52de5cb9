import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { eResults, signingKeys } from './results.tables.ts';

export type SigningKeyRow = typeof signingKeys.$inferSelect;
export type ResultRow = typeof eResults.$inferSelect;
export type ResultWithKey = ResultRow & { key: Pick<SigningKeyRow, 'subject' | 'issuer' | 'serial' | 'fingerprintSha256' | 'notBefore' | 'notAfter' | 'certificatePem'> };

export async function findAuthority(db: Db, provinceCode: string): Promise<SigningKeyRow | null> {
  return (await db.select().from(signingKeys).where(and(eq(signingKeys.provinceCode, provinceCode), eq(signingKeys.kind, 'province_ca'))))[0] ?? null;
}

export async function findSignerKey(db: Db, userId: string): Promise<SigningKeyRow | null> {
  return (await db.select().from(signingKeys).where(and(eq(signingKeys.userId, userId), eq(signingKeys.kind, 'signer'))))[0] ?? null;
}

export async function findKeyByFingerprint(db: Db, fingerprintSha256: string): Promise<SigningKeyRow | null> {
  return (await db.select().from(signingKeys).where(eq(signingKeys.fingerprintSha256, fingerprintSha256)))[0] ?? null;
}

/** Inserts unless another process created the same CA or signer key first (partial unique indexes). */
export async function insertKeyIfAbsent(db: Db, row: SigningKeyRow): Promise<boolean> {
  const inserted = await db.insert(signingKeys).values(row).onConflictDoNothing().returning({ id: signingKeys.id });
  return inserted.length > 0;
}

/** The next result number of a dossier; call with the dossier row locked (inside its action). */
export async function nextResultNumber(tx: Db, dossierId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${eResults.n}), 0)::int` }).from(eResults).where(eq(eResults.dossierId, dossierId));
  return Number(row?.n ?? 0) + 1;
}

export async function insertResult(tx: Db, row: ResultRow): Promise<void> {
  await tx.insert(eResults).values(row);
}

const withKey = {
  result: eResults,
  key: {
    subject: signingKeys.subject,
    issuer: signingKeys.issuer,
    serial: signingKeys.serial,
    fingerprintSha256: signingKeys.fingerprintSha256,
    notBefore: signingKeys.notBefore,
    notAfter: signingKeys.notAfter,
    certificatePem: signingKeys.certificatePem,
  },
};

async function selectResults(db: Db, where: ReturnType<typeof eq>): Promise<ResultWithKey[]> {
  const rows = await db.select(withKey).from(eResults).innerJoin(signingKeys, eq(signingKeys.id, eResults.keyId)).where(where).orderBy(asc(eResults.n));
  return rows.map((r) => ({ ...r.result, key: r.key }));
}

export const findResultByCode = async (db: Db, code: string) => (await selectResults(db, eq(eResults.code, code)))[0] ?? null;
export const findResultBySha = async (db: Db, sha256: string) => (await selectResults(db, eq(eResults.sha256, sha256)))[0] ?? null;
export const listResults = (db: Db, dossierId: string) => selectResults(db, eq(eResults.dossierId, dossierId));
