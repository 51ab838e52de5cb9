import type { Applicant, DocumentItem, IntakeRequest, ProcedureDetail } from '@motcua/contracts';
import type { CccdCard } from './cccd-qr.ts';

/** The applicant form as typed: strings everywhere, so a half-filled form is representable. */
export type ApplicantDraft = {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: '' | 'male' | 'female';
  idIssuedOn: string;
  provinceCode: string;
  communeCode: string;
  line: string;
  phone: string;
  email: string;
  hasRepresentative: boolean;
  repFullName: string;
  repIdNumber: string;
  repRelation: string;
};

export function emptyApplicant(provinceCode: string, communeCode: string | null): ApplicantDraft {
  return {
    idNumber: '',
    fullName: '',
    dateOfBirth: '',
    sex: '',
    idIssuedOn: '',
    provinceCode,
    communeCode: communeCode ?? '',
    line: '',
    phone: '',
    email: '',
    hasRepresentative: false,
    repFullName: '',
    repIdNumber: '',
    repRelation: '',
  };
}

/** Everything the card says replaces what was typed; the address commune only when it was recognised. */
export function applyCard(draft: ApplicantDraft, card: CccdCard, address: { line: string; communeCode: string | null }): ApplicantDraft {
  return {
    ...draft,
    idNumber: card.idNumber,
    fullName: card.fullName,
    dateOfBirth: card.dateOfBirth,
    sex: card.sex,
    idIssuedOn: card.idIssuedOn ?? '',
    line: address.line,
    communeCode: address.communeCode ?? draft.communeCode,
  };
}

const trimmed = (s: string) => s.normalize('NFC').trim();

/**
 * The request body. Empty optional fields are left out; required ones are sent as typed so the
 * server's field errors (one source of truth for the rules) point at them.
 */
export function toApplicant(d: ApplicantDraft): Applicant {
  const applicant: Applicant = {
    idNumber: d.idNumber.replace(/\s+/g, ''),
    fullName: trimmed(d.fullName),
    dateOfBirth: d.dateOfBirth,
    sex: d.sex === '' ? ('' as Applicant['sex']) : d.sex,
    address: { line: trimmed(d.line), communeCode: d.communeCode },
  };
  if (d.idIssuedOn) applicant.idIssuedOn = d.idIssuedOn;
  if (d.phone.trim()) applicant.phone = d.phone.replace(/[\s.]/g, '');
  if (d.email.trim()) applicant.email = d.email.trim();
  if (d.hasRepresentative) {
    applicant.representative = { fullName: trimmed(d.repFullName), idNumber: d.repIdNumber.replace(/\s+/g, ''), relation: trimmed(d.repRelation) };
  }
  return applicant;
}

/** The fee lines of the counter channel, or of the first channel that states any. */
export function counterTerms(procedure: ProcedureDetail) {
  return procedure.channels.find((c) => c.channel === 'counter') ?? procedure.channels[0] ?? null;
}

export function feeTotal(procedure: ProcedureDetail): number {
  return (counterTerms(procedure)?.fees ?? []).reduce((sum, line) => sum + line.amount, 0);
}

/** The documents asked for on a channel: the counter list leaves out the online-only e-form. */
export function documentsFor(documents: readonly DocumentItem[], channel: 'counter' | 'online' | 'postal'): DocumentItem[] {
  return documents.filter((d) => !d.channels || d.channels.includes(channel));
}

export function missingMandatory(documents: readonly DocumentItem[], provided: ReadonlySet<string>): DocumentItem[] {
  return documents.filter((d) => d.requirement === 'mandatory' && !provided.has(d.id));
}

export type Decision = IntakeRequest['decision'];

export function intakeRequest(input: {
  procedure: ProcedureDetail;
  applicant: ApplicantDraft;
  provided: ReadonlySet<string>;
  decision: Decision;
  supplementIds: readonly string[];
  reason: string;
  feesCollected: number | null;
  ticketId: string | null;
  /** Another center of the province that decides (boundary-free procedures only). */
  competentCenterId?: string | null;
}): IntakeRequest {
  const body: IntakeRequest = {
    procedureCode: input.procedure.code,
    applicant: toApplicant(input.applicant),
    checklist: input.procedure.documents.map((d) => ({ itemId: d.id, provided: input.provided.has(d.id) })),
    decision: input.decision,
  };
  if (input.decision === 'supplement') body.supplementItems = input.supplementIds.map((itemId) => ({ itemId }));
  if (input.reason.trim()) body.reason = input.reason.trim();
  if (input.decision === 'accept' && input.feesCollected !== null && input.feesCollected > 0) body.feesCollected = input.feesCollected;
  if (input.ticketId) body.ticketId = input.ticketId;
  if (input.competentCenterId && input.procedure.boundaryFree) body.competentCenterId = input.competentCenterId;
  return body;
}
