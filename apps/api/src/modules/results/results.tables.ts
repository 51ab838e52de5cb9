import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Signing keys: one demo certification authority per province and one certificate per leader,
 * issued by it. The private key lives only in a PKCS#12 file in file storage, encrypted with a
 * random passphrase kept here, so neither a database dump nor the file store alone yields a key.
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: uuid('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind', { enum: ['province_ca', 'signer'] }).notNull(),
    userId: uuid('user_id'),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    serial: text('serial').notNull(),
    fingerprintSha256: text('fingerprint_sha256').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    keyFile: text('key_file').notNull(),
    passphrase: text('passphrase').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('signing_keys_fingerprint_uq').on(t.fingerprintSha256),
    uniqueIndex('signing_keys_province_ca_uq').on(t.provinceCode).where(sql`${t.kind} = 'province_ca'`),
    uniqueIndex('signing_keys_signer_uq').on(t.userId).where(sql`${t.kind} = 'signer'`),
  ],
);

/** Electronic results (Decree 45/2020 Art. 14(3)): `<dossier code>-KQ<n>`, the signed PDF's hash and who signed. */
export const eResults = pgTable(
  'e_results',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    n: integer('n').notNull(),
    provinceCode: text('province_code').notNull(),
    centerId: uuid('center_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    fileKey: text('file_key').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    signerId: uuid('signer_id').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => signingKeys.id),
    scheme: text('scheme').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('e_results_code_uq').on(t.code), uniqueIndex('e_results_dossier_n_uq').on(t.dossierId, t.n), index('e_results_sha256_idx').on(t.sha256)],
);
