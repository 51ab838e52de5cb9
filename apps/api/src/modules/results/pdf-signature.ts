import { createHash, createVerify } from 'node:crypto';
import { extractSignature } from '@signpdf/utils';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import { fingerprint } from './certificates.ts';

/**
 * The PDF signature (ISO 32000-1 §12.8): an invisible signature field whose /Contents holds a
 * detached CMS (PKCS#7) SignedData over the file's /ByteRange, SHA-256 with RSA, made by
 * `@signpdf/signpdf` with the signer's PKCS#12. Verification re-checks the CMS here, with no trust
 * in the file: the message digest, the signature over the signed attributes, and the byte range.
 */
export const SCHEME = 'pdf-cms-sha256-rsa';

/** Marks the signature dictionary so a changed copy can still be traced to the result it claims to be. */
const REASON_PREFIX = 'Motcua e-result ';
const CODE_IN_REASON = /Motcua e-result ([A-Za-z0-9.]{1,40}-\d{6}-\d{4}-KQ\d{1,3})/;

/** ASCII for the PDFDocEncoded fields of the signature dictionary (names keep their letters, lose their marks). */
export const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');

export async function signPdf(
  doc: PDFDocument,
  signer: { p12: Uint8Array; passphrase: string },
  info: { code: string; signerName: string; location: string; contact: string; signedAt: Date },
): Promise<Uint8Array> {
  const [{ pdflibAddPlaceholder }, { P12Signer }, { SignPdf }] = await Promise.all([
    import('@signpdf/placeholder-pdf-lib'),
    import('@signpdf/signer-p12'),
    import('@signpdf/signpdf'),
  ]);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: `${REASON_PREFIX}${info.code}`,
    name: ascii(info.signerName),
    location: ascii(info.location),
    contactInfo: ascii(info.contact),
    signingTime: info.signedAt,
    signatureLength: 8192,
    appName: 'Motcua',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signed = await new SignPdf().sign(prepared, new P12Signer(Buffer.from(signer.p12), { passphrase: signer.passphrase }), info.signedAt);
  return new Uint8Array(signed);
}

export type SignatureCheck = {
  present: boolean;
  /** CMS digest equals the SHA-256 of the signed bytes, and the signer's key signed the attributes. */
  valid: boolean;
  /** The byte range ends at the end of the file: nothing was appended after signing. */
  coversWholeFile: boolean;
  /** The result code the signature names, if any (readable even in a changed copy). */
  code: string | null;
  signerFingerprint: string | null;
  certificates: forge.pki.Certificate[];
};

const none = (code: string | null): SignatureCheck => ({ present: false, valid: false, coversWholeFile: false, code, signerFingerprint: null, certificates: [] });

export function inspectSignature(pdf: Uint8Array): SignatureCheck {
  const buf = Buffer.from(pdf);
  const code = CODE_IN_REASON.exec(buf.toString('latin1'))?.[1] ?? null;
  let extracted: ReturnType<typeof extractSignature>;
  try {
    extracted = extractSignature(buf);
  } catch {
    return none(code);
  }
  const [start, firstLength, secondStart, secondLength] = extracted.ByteRange as [number, number, number, number];
  const coversWholeFile = start === 0 && secondStart + secondLength === buf.length;
  try {
    const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(extracted.signature)) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { signature: string; authenticatedAttributes: forge.asn1.Asn1[] };
    };
    const { signature, authenticatedAttributes: attrs } = message.rawCapture;
    const digestAttr = attrs.find((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string) === forge.pki.oids.messageDigest);
    const claimed = digestAttr ? (((digestAttr.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string) : null;
    const actual = createHash('sha256').update(extracted.signedData).digest().toString('binary');
    const signedAttrs = Buffer.from(forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs)).getBytes(), 'binary');
    const signerCert = message.certificates.find((c) => {
      const v = createVerify('RSA-SHA256');
      v.update(signedAttrs);
      return v.verify(forge.pki.certificateToPem(c), Buffer.from(signature, 'binary'));
    });
    return {
      present: true,
      valid: claimed !== null && claimed === actual && signerCert !== undefined && firstLength > 0,
      coversWholeFile,
      code,
      signerFingerprint: signerCert ? fingerprint(signerCert) : null,
      certificates: message.certificates,
    };
  } catch {
    return { ...none(code), present: true, coversWholeFile };
  }
}

/** Whether `cert` was signed by the CA certificate in PEM. */
export function issuedBy(cert: forge.pki.Certificate, caPem: string): boolean {
  try {
    return forge.pki.certificateFromPem(caPem).verify(cert);
  } catch {
    return false;
  }
}
