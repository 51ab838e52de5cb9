import { z } from 'zod';
import { Applicant, DossierStatus, ProcessingStep } from './dossier.ts';

/** A Vietnamese mobile number as typed: 0905123456 or +84905123456. */
export const CitizenPhone = z.string().trim().regex(/^(\+84|0)\d{9,10}$/, 'a Vietnamese phone number such as 0905123456');

export const OtpRequest = z.object({ phone: CitizenPhone });
export const OtpRequested = z.object({ expiresInSeconds: z.number().int(), resendAfterSeconds: z.number().int() });
export const OtpVerify = z.object({ phone: CitizenPhone, code: z.string().trim().regex(/^\d{6}$/, '6 digits') });

export const NotifyChannel = z.enum(['sms', 'email', 'inapp']);
export const Language = z.enum(['vi', 'en', 'id']);

export const CitizenProfile = z.object({
  id: z.uuid(),
  phone: z.string(),
  fullName: z.string().nullable(),
  idNumber: z.string().nullable(),
  email: z.string().nullable(),
  language: Language,
  channels: z.array(NotifyChannel),
  volunteerCenterId: z.uuid().nullable(),
});
export type CitizenProfile = z.infer<typeof CitizenProfile>;

export const CitizenSession = z.object({ token: z.string(), expiresAt: z.string(), citizen: CitizenProfile });

export const ProfileUpdate = z.object({
  fullName: z.string().trim().min(2).max(120).optional(),
  email: z.email().nullable().optional(),
  language: Language.optional(),
  channels: z.array(NotifyChannel).max(3).optional(),
});

/** What a citizen should do next, by dossier status (the web shows it in plain words). */
export const NextStep = z.enum(['wait_precheck', 'wait_processing', 'supplement', 'pay', 'collect_result', 'done', 'refused', 'closed']);

export const TrackRequest = z.object({
  code: z.string().trim().min(1).max(60),
  /** Last 4 digits of the applicant's phone, or the 8-character secret printed on Form 01. */
  factor: z.string().trim().min(1).max(20),
});

/** One document an open supplement request asks for; its file is answered under `key`. */
export const SupplementRequestItem = z.object({ key: z.string(), name: z.string(), note: z.string().nullable() });
export type SupplementRequestItem = z.infer<typeof SupplementRequestItem>;

/** The citizen's online answer to a supplement request: one completed upload per document asked for. */
export const SupplementAnswer = z.object({
  expectedVersion: z.number().int().min(1).optional(),
  files: z.array(z.object({ key: z.string().min(1).max(20), fileId: z.uuid() })).min(1).max(100),
});
export type SupplementAnswer = z.infer<typeof SupplementAnswer>;

export const TrackView = z.object({
  code: z.string(),
  procedureName: z.string(),
  channel: z.enum(['counter', 'online', 'postal', 'outreach']),
  status: DossierStatus,
  statusCode: z.number().int(),
  step: ProcessingStep.nullable(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  paused: z.boolean(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['early', 'on_time', 'late']).nullable(),
  feeTotal: z.number().int(),
  feePaid: z.boolean(),
  nextStep: NextStep,
  /** Supplement requests: the documents asked for, by name. */
  supplementItems: z.array(z.string()),
  /** The same request, item by item, for answering it online. */
  supplementRequest: z.array(SupplementRequestItem),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), toState: z.string() })),
  results: z.array(z.object({ code: z.string(), signedAt: z.string(), downloadUrl: z.string(), verifyUrl: z.string() })),
});
export type TrackView = z.infer<typeof TrackView>;

/** One online-submission draft. */
export const DraftView = z.object({
  id: z.uuid(),
  procedureCode: z.string(),
  procedureName: z.string(),
  centerId: z.uuid(),
  applicant: z.record(z.string(), z.unknown()),
  fields: z.record(z.string(), z.string()),
  attachments: z.record(z.string(), z.object({ fileId: z.uuid().optional(), source: z.enum(['upload', 'document_store', 'earlier_result', 'population_db']) })),
  populationUsed: z.boolean(),
  version: z.number().int(),
  submittedDossierId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export type DraftView = z.infer<typeof DraftView>;

export const DraftCreate = z.object({ procedureCode: z.string().max(40), centerId: z.uuid() });
export const DraftUpdate = z.object({
  expectedVersion: z.number().int().min(1),
  applicant: z.record(z.string(), z.unknown()).optional(),
  fields: z.record(z.string().max(60), z.string().max(2000)).optional(),
  attachments: DraftView.shape.attachments.optional(),
});

export const FileView = z.object({
  id: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  status: z.enum(['uploading', 'complete', 'rejected']),
  source: z.enum(['upload', 'result']),
  itemId: z.string().nullable(),
  createdAt: z.string(),
});
export type CitizenFileView = z.infer<typeof FileView>;

export const UploadCreate = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.number().int().min(1),
  itemId: z.string().max(20).optional(),
});

export const MyDossier = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  status: DossierStatus,
  statusCode: z.number().int(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  feeTotal: z.number().int(),
  feePaid: z.boolean(),
  nextStep: NextStep,
  trackingSecret: z.string(),
  helperName: z.string().nullable(),
});

export const AssistedApplicant = Applicant;
