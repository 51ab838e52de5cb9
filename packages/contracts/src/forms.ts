import { z } from 'zod';
import { DossierView } from './dossier.ts';

/** Forms of Circular 03/2025/TT-VPCP, Appendix I, that Motcua prints from a dossier's timeline. */
export const FormNo = z.enum(['01', '02', '03', '04', '05', '06']);
export type FormNo = z.infer<typeof FormNo>;

/** A4 for every form; an 80 mm thermal roll for Form 01 (the counter's receipt printer). */
export const FormLayout = z.enum(['a4', 'thermal']);
export type FormLayout = z.infer<typeof FormLayout>;

export const FormQuery = z.object({
  layout: FormLayout.default('a4'),
  /** Which producing event (timeline seq) when a form was issued more than once; default the latest. */
  seq: z.coerce.number().int().min(1).optional(),
});

export const AvailableForm = z.object({
  form: FormNo,
  /** The timeline event that produced it; null for Form 06, printable at any time. */
  seq: z.number().int().nullable(),
  at: z.string().nullable(),
  /** Relative URL of the A4 PDF. */
  url: z.string(),
  layouts: z.array(FormLayout),
});
export type AvailableForm = z.infer<typeof AvailableForm>;

/** The result code of Decree 45/2020 Art. 14(3): `<dossier code>-KQ<n>`. */
export const ResultCode = z.string().regex(/^[A-Za-z0-9.]{1,40}-\d{6}-\d{4}-KQ\d{1,3}$/, 'a result code such as H46.01-261123-0001-KQ1');

export const SignRequest = z.object({
  /** The version the leader saw; a newer one means someone acted first (409). */
  expectedVersion: z.number().int().min(1).optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type SignRequest = z.infer<typeof SignRequest>;

/** What anyone may see about an e-result: who issued and signed it, when, and its fingerprint. No personal data. */
export const PublicResult = z.object({
  code: ResultCode,
  dossierCode: z.string(),
  procedureName: z.string(),
  issuer: z.string(),
  provinceName: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  signedAt: z.string(),
  /** SHA-256 of the signed PDF, hex. */
  sha256: z.string(),
  sizeBytes: z.number().int(),
  certificate: z.object({ subject: z.string(), issuer: z.string(), serial: z.string(), fingerprintSha256: z.string(), notBefore: z.string(), notAfter: z.string() }),
  /** How it is signed: `pdf-cms-sha256-rsa` = ISO 32000 signature (adbe.pkcs7.detached, CMS, SHA-256/RSA-2048). */
  scheme: z.string(),
  /** Relative URL of the public verify page (what the QR code on the result opens). */
  verifyUrl: z.string(),
});
export type PublicResult = z.infer<typeof PublicResult>;

export const ResultView = PublicResult.extend({ id: z.uuid(), dossierId: z.uuid(), n: z.number().int(), pdfUrl: z.string() });
export type ResultView = z.infer<typeof ResultView>;

export const Verdict = z.enum(['valid', 'tampered', 'unknown']);
export type Verdict = z.infer<typeof Verdict>;

export const VerifyResponse = z.object({
  verdict: Verdict,
  /** Why, in one stable word: exact_match, content_changed, modified_after_signing, different_file, no_signature, not_issued_here. */
  reason: z.string(),
  /** The issued result the file claims to be, when it names one we know. */
  result: PublicResult.nullable(),
  checks: z.object({
    sha256: z.string(),
    signaturePresent: z.boolean(),
    /** The CMS signature matches the signed bytes and the signer's certificate. */
    signatureValid: z.boolean(),
    /** The signed byte range reaches the end of the file (nothing appended after signing). */
    coversWholeFile: z.boolean(),
    /** The signer's certificate was issued by this province's Motcua CA and is the one on record. */
    certificateKnown: z.boolean(),
    /** The file is byte for byte the one issued. */
    hashMatches: z.boolean(),
  }),
});
export type VerifyResponse = z.infer<typeof VerifyResponse>;

/** The dossier after approval, and the e-result the signature produced. */
export const SignResponse = z.object({ dossier: DossierView, result: ResultView });
export type SignResponse = z.infer<typeof SignResponse>;
