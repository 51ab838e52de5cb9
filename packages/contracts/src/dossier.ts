import { z } from 'zod';

/** Chip-based citizen ID (CCCD): 12 digits; the 4th encodes sex and century, the 5th-6th the birth year. */
export const CitizenId = z.string().regex(/^\d{12}$/, 'a 12-digit citizen ID number');

export const Applicant = z.object({
  idNumber: CitizenId,
  fullName: z.string().trim().min(2).max(120),
  dateOfBirth: z.iso.date(),
  sex: z.enum(['male', 'female']),
  idIssuedOn: z.iso.date().optional(),
  address: z.object({
    line: z.string().trim().min(1).max(300),
    communeCode: z.string().regex(/^\d{5}$/, 'a 5-digit commune code'),
  }),
  phone: z
    .string()
    .regex(/^0\d{9,10}$/, 'a Vietnamese phone number such as 0905123456')
    .optional(),
  email: z.email().optional(),
  representative: z
    .object({ fullName: z.string().trim().min(2).max(120), idNumber: CitizenId, relation: z.string().trim().min(1).max(60) })
    .optional(),
});
export type Applicant = z.infer<typeof Applicant>;

export const DossierStatus = z.enum([
  'new',
  'received',
  'not_accepted',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'withdrawn',
  'stopped',
  'finished',
  'returned',
]);
export type DossierStatus = z.infer<typeof DossierStatus>;

export const ProcessingStep = z.enum(['assigned', 'in_review', 'awaiting_approval', 'approved']);

export const DossierAction = z.enum([
  'accept',
  'refuse',
  'request_supplement',
  'receive_supplement',
  'assign',
  'reassign',
  'start_review',
  'submit_for_approval',
  'send_back',
  'approve',
  'request_payment',
  'record_payment',
  'finish',
  'return_result',
  'withdraw',
  'stop',
  'apologize',
]);
export type DossierAction = z.infer<typeof DossierAction>;

export const Outcome = z.enum(['early', 'on_time', 'late']);

/** A dossier as staff see it. Instants are ISO-8601 strings in +07:00. */
export const DossierView = z.object({
  id: z.uuid(),
  code: z.string(),
  centerId: z.uuid(),
  competentCenterId: z.uuid(),
  procedureCode: z.string(),
  procedureVersionId: z.uuid(),
  procedureName: z.string(),
  channel: z.enum(['counter', 'online', 'postal', 'outreach']),
  status: DossierStatus,
  statusCode: z.number().int().min(1).max(10),
  step: ProcessingStep.nullable(),
  applicant: Applicant,
  receivedAt: z.string(),
  clockStartsAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  originalDueAt: z.string().nullable(),
  paused: z.boolean(),
  supplementCount: z.number().int(),
  apologyCount: z.number().int(),
  assigneeId: z.uuid().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  outcome: Outcome.nullable(),
  feeTotal: z.number().int(),
  feePaid: z.boolean(),
  ticketId: z.uuid().nullable(),
  /** Interconnected procedures: the parent coordinates, children carry the work. */
  bundleRole: z.enum(['parent', 'child']).nullable(),
  parentId: z.uuid().nullable(),
  /** A child decided outside the center (police, social insurance). */
  externalAgency: z.string().nullable(),
  /** Received on a no-appointment day for an eligible procedure: decided and returned on the spot. */
  noAppointment: z.boolean(),
  version: z.number().int(),
  /** Actions the signed-in user may take now (drives the buttons). */
  allowedActions: z.array(DossierAction),
});
export type DossierView = z.infer<typeof DossierView>;

export const SupplementItem = z.object({
  /** An item of the procedure version's official list … */
  itemId: z.string().max(20).optional(),
  /** … or, only with a written legal reason, a document outside it. */
  name: z.string().max(500).optional(),
  legalReason: z.string().max(2000).optional(),
  note: z.string().max(1000).optional(),
});

export const IntakeRequest = z.object({
  procedureCode: z.string().max(40),
  applicant: Applicant,
  checklist: z.array(z.object({ itemId: z.string().max(20), provided: z.boolean() })).max(300),
  decision: z.enum(['accept', 'supplement', 'refuse']),
  supplementItems: z.array(SupplementItem).max(100).optional(),
  reason: z.string().trim().max(2000).optional(),
  feesCollected: z.number().int().min(0).optional(),
  ticketId: z.uuid().optional(),
  /** Boundary-free procedures: the center that decides, when it is not this one. */
  competentCenterId: z.uuid().optional(),
});
export type IntakeRequest = z.infer<typeof IntakeRequest>;

/** How the result reaches the citizen (Decree 61/2018 Art. 20 allows counter, post and online). */
export const ReturnMethod = z.enum(['counter', 'post', 'online']);
export type ReturnMethod = z.infer<typeof ReturnMethod>;

export const ActionRequest = z.object({
  action: DossierAction,
  /** The version the user saw; a newer one means someone else acted first (409). */
  expectedVersion: z.number().int().min(1).optional(),
  reason: z.string().trim().max(2000).optional(),
  assigneeId: z.uuid().optional(),
  /** Apology letter: the single new deadline the leader sets. */
  newDueAt: z.iso.datetime({ offset: true }).optional(),
  supplementItems: z.array(SupplementItem).max(100).optional(),
  amountPaid: z.number().int().min(0).optional(),
  /** Return of the result: how, to whom (the applicant or an authorised person), and the postal tracking code. */
  returnMethod: ReturnMethod.optional(),
  receivedBy: z.string().trim().min(1).max(200).optional(),
  postalTrackingCode: z.string().trim().min(4).max(40).optional(),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

export const TimelineEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export const Timeline = z.object({ events: z.array(TimelineEvent), chainIntact: z.boolean(), brokenAtSeq: z.number().int().nullable() });
export type Timeline = z.infer<typeof Timeline>;
