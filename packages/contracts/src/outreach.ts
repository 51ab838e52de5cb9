import { z } from 'zod';
import { DocumentItem, FeeLine, ProcedureVersion } from './catalog.ts';
import { Applicant, SupplementItem } from './dossier.ts';
import { Role } from './roles.ts';
import { TimeLimit } from './time-limit.ts';

/**
 * Mobile outreach (lưu động): staff take the center to a village without mobile coverage,
 * receive dossiers on a device offline and sync them when back.
 */
export const OutreachSessionCreate = z.object({
  place: z.string().trim().min(1).max(300),
  date: z.iso.date(),
  /** Staff of the center who go; a leader among them may approve same-day procedures on the spot. */
  teamUserIds: z.array(z.uuid()).min(1).max(30),
  procedureCodes: z.array(z.string().max(40)).min(1).max(100),
});
export type OutreachSessionCreate = z.infer<typeof OutreachSessionCreate>;

export const OutreachTeamMember = z.object({ id: z.uuid(), fullName: z.string(), role: Role });

export const OutreachSession = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  place: z.string(),
  date: z.string(),
  team: z.array(OutreachTeamMember),
  procedureCodes: z.array(z.string()),
  createdAt: z.string(),
});
export type OutreachSession = z.infer<typeof OutreachSession>;

/**
 * Everything the device needs offline: the procedure versions in force (checklists, limits), the
 * center, and provisional deadlines per hour of the session day computed by the legal clock.
 */
export const OutreachPack = z.object({
  session: OutreachSession,
  center: z.object({ id: z.uuid(), name: z.string(), agencyCode: z.string() }),
  procedures: z.array(ProcedureVersion),
  /** Procedure code → 24 provisional due dates, one for a receipt at each hour (00–23) of the session day. */
  provisionalDueAt: z.record(z.string(), z.array(z.string().nullable())),
  preparedAt: z.string(),
});
export type OutreachPack = z.infer<typeof OutreachPack>;

export const OutreachFileDeclared = z.object({
  itemId: z.string().max(20),
  name: z.string().max(300),
  mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.number().int().min(1).max(10 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const OutreachSubmission = z.object({
  /** Generated on the device once per dossier; a repeated sync with the same key returns the same dossier. */
  key: z.uuid(),
  localNumber: z.string().min(1).max(40),
  /** When the dossier was received offline: the legal clock starts here. */
  receivedAt: z.iso.datetime({ offset: true }),
  procedureCode: z.string().max(40),
  /** The version cached on the device; if another is in force at receipt time the dossier is flagged. */
  procedureVersionId: z.uuid(),
  applicant: Applicant,
  checklist: z.array(z.object({ itemId: z.string().max(20), provided: z.boolean() })).max(300),
  decision: z.enum(['accept', 'supplement', 'refuse']),
  supplementItems: z.array(SupplementItem).max(100).optional(),
  reason: z.string().trim().max(2000).optional(),
  feesCollected: z.number().int().min(0).optional(),
  /**
   * A same-day procedure approved by a leader of the team, finished and handed over on the spot,
   * with the times the device noted. Without them the server takes the receipt time; without a
   * hand-over time, the approval time.
   */
  onSpot: z
    .object({
      leaderId: z.uuid(),
      /** When the leader approved and signed the result. */
      approvedAt: z.iso.datetime({ offset: true }).optional(),
      /** When the result was handed to the applicant; needs the approval time. */
      handedOverAt: z.iso.datetime({ offset: true }).optional(),
    })
    .optional(),
  files: z.array(OutreachFileDeclared).max(50).default([]),
});
export type OutreachSubmission = z.infer<typeof OutreachSubmission>;

export const OutreachUpload = z.object({
  id: z.uuid(),
  itemId: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  sha256: z.string(),
  status: z.enum(['uploading', 'complete']),
});
export type OutreachUpload = z.infer<typeof OutreachUpload>;

const DocumentSide = z.object({ name: z.string(), requirement: DocumentItem.shape.requirement });

/**
 * One difference between the version the device used and the one in force at receipt, as the
 * officer checks the dossier against it: a document of the counter's list, or the counter's time
 * limit or fees.
 */
export const OutreachVersionChange = z.discriminatedUnion('field', [
  z.object({ field: z.literal('document'), kind: z.enum(['added', 'removed', 'changed']), before: DocumentSide.nullable(), after: DocumentSide.nullable() }),
  z.object({ field: z.literal('timeLimit'), before: TimeLimit.nullable(), after: TimeLimit.nullable() }),
  z.object({ field: z.literal('fees'), before: z.array(FeeLine).nullable(), after: z.array(FeeLine).nullable() }),
]);
export type OutreachVersionChange = z.infer<typeof OutreachVersionChange>;

export const OutreachConflict = z.object({
  code: z.enum(['procedure_version_changed', 'procedure_not_in_force', 'rejected']),
  message: z.string(),
  cachedVersion: z.number().int().nullable(),
  currentVersion: z.number().int().nullable(),
  currentVersionId: z.uuid().nullable(),
  /** What changed between the cached and the current version (documents, time limit…), in English. */
  changes: z.array(z.string()),
  /** The same, field by field, for the officer's screen; empty when the device's version is unknown or nothing the counter checks changed. */
  differences: z.array(OutreachVersionChange),
});
export type OutreachConflict = z.infer<typeof OutreachConflict>;

export const OutreachSyncResult = z.object({
  key: z.uuid(),
  localNumber: z.string(),
  state: z.enum(['synced', 'conflict']),
  dossier: z.object({ id: z.uuid(), code: z.string(), status: z.string(), receivedAt: z.string(), dueAt: z.string().nullable() }).nullable(),
  conflict: OutreachConflict.nullable(),
  uploads: z.array(OutreachUpload),
});
export type OutreachSyncResult = z.infer<typeof OutreachSyncResult>;

const Counts = z.object({ received: z.number().int(), finishedOnSpot: z.number().int(), takenBack: z.number().int(), notAccepted: z.number().int() });

export const OutreachReport = z.object({
  session: OutreachSession,
  totals: Counts.extend({ conflicts: z.number().int(), onSpotRate: z.number().nullable() }),
  byProcedure: z.array(Counts.extend({ procedureCode: z.string(), procedureName: z.string() })),
});
export type OutreachReport = z.infer<typeof OutreachReport>;
