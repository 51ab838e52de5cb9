import { z } from 'zod';

/** Voice of the citizen: ratings of returned dossiers and petitions (PAKN). */
export const SatisfactionLevel = z.enum(['very_satisfied', 'satisfied', 'dissatisfied']);
export type SatisfactionLevel = z.infer<typeof SatisfactionLevel>;

export const RatingCriteria = z.object({
  time: SatisfactionLevel.optional(),
  attitude: SatisfactionLevel.optional(),
  visits: SatisfactionLevel.optional(),
  transparency: SatisfactionLevel.optional(),
});

export const RatingRequest = z.object({
  dossierCode: z.string().min(3).max(60),
  overall: SatisfactionLevel,
  criteria: RatingCriteria.default({}),
  comment: z.string().trim().max(2000).optional(),
  /** At a kiosk without signing in: last 4 digits of the applicant's phone, or the Form 01 secret. */
  secondFactor: z.string().trim().min(4).max(12).optional(),
  /** The queue ticket the citizen holds at the center (kiosk or counter rating). */
  ticketId: z.uuid().optional(),
});
export type RatingRequest = z.input<typeof RatingRequest>;

export const RatingView = z.object({
  dossierCode: z.string(),
  overall: SatisfactionLevel,
  criteria: RatingCriteria,
  comment: z.string().nullable(),
  channel: z.enum(['online', 'counter', 'kiosk']),
  ratedAt: z.string(),
});
export type RatingView = z.infer<typeof RatingView>;

export const RatingState = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  /** Ratable once the result has been returned (status 10), and only once. */
  rateable: z.boolean(),
  reason: z.enum(['not_returned', 'already_rated']).nullable(),
  rating: RatingView.nullable(),
});
export type RatingState = z.infer<typeof RatingState>;

export const PetitionKind = z.enum(['complaint', 'suggestion']);
export const PetitionStatus = z.enum(['received', 'info_requested', 'refused', 'answered']);
export type PetitionStatus = z.infer<typeof PetitionStatus>;

export const PetitionSubmit = z
  .object({
    kind: PetitionKind,
    centerId: z.uuid(),
    dossierCode: z.string().trim().max(60).optional(),
    title: z.string().trim().min(5).max(200),
    content: z.string().trim().min(10).max(5000),
    name: z.string().trim().min(2).max(120).optional(),
    phone: z.string().regex(/^0\d{9,10}$/, 'a Vietnamese phone number such as 0905123456').optional(),
    email: z.email().optional(),
    /** Not even the initials are shown with the petition; a contact is still needed for the answer. */
    anonymous: z.boolean().default(false),
    /**
     * Once answered, anyone with the petition's code may read it and the answer (initials only, no
     * contact). Off by default: without it, only the holder of the follow-up code sees the petition.
     */
    publish: z.boolean().default(false),
  })
  .refine((p) => p.phone || p.email, { message: 'a phone number or an e-mail address for the answer', path: ['phone'] })
  .refine((p) => p.anonymous || p.name, { message: 'your name, or choose to stay anonymous', path: ['name'] });
export type PetitionSubmit = z.input<typeof PetitionSubmit>;

export const PetitionSubmitted = z.object({ code: z.string(), secret: z.string(), receivedAt: z.string(), dueAt: z.string() });

/**
 * A petition as its sender (with the follow-up code) or, once answered and published with the
 * sender's consent, anyone sees it: never a name, phone or e-mail; the initials unless anonymous.
 */
export const PetitionPublic = z.object({
  code: z.string(),
  kind: PetitionKind,
  title: z.string(),
  content: z.string(),
  /** "L.T.H." for Lê Thị Hoa; null when the sender chose to stay anonymous ("Công dân"). */
  senderInitials: z.string().nullable(),
  /** The sender agreed to publish it once answered. */
  published: z.boolean(),
  centerName: z.string(),
  status: PetitionStatus,
  receivedAt: z.string(),
  dueAt: z.string(),
  answer: z.string().nullable(),
  refusalReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.enum(['on_time', 'late']).nullable(),
  /** Shown to the submitter (with the secret) only. */
  infoRequest: z.string().nullable(),
  satisfaction: z.enum(['satisfied', 'dissatisfied']).nullable(),
});
export type PetitionPublic = z.infer<typeof PetitionPublic>;

export const PetitionStaffView = PetitionPublic.extend({
  id: z.uuid(),
  submitterName: z.string().nullable(),
  dossierCode: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  refuseBy: z.string(),
  infoBy: z.string(),
  infoReply: z.string().nullable(),
  repeated: z.boolean(),
  badge: z.enum(['late', 'due_soon']).nullable(),
  version: z.number().int(),
});
export type PetitionStaffView = z.infer<typeof PetitionStaffView>;

export const PetitionActionRequest = z.object({
  action: z.enum(['refuse', 'request_info', 'answer']),
  text: z.string().trim().min(5).max(5000),
  expectedVersion: z.number().int().min(1).optional(),
});

export const PetitionFollowUp = z.object({
  secret: z.string().min(8).max(64),
  /** Reply to an information request … */
  info: z.string().trim().min(2).max(5000).optional(),
  /** … or say whether the answer satisfied you. */
  satisfaction: z.enum(['satisfied', 'dissatisfied']).optional(),
});
