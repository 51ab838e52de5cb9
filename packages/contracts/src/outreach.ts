import { z } from 'zod';
import { ProcedureVersion } from './catalog.ts';
import { Applicant, SupplementItem } from './dossier.ts';
import { Role } from './roles.ts';

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
  /** A same-day procedure approved by a leader of the team and finished on the spot. */
  onSpot: z.object({ leaderId: z.uuid(), approvedAt: z.iso.datetime({ offset: true }) }).optional(),
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

export const OutreachConflict = z.object({
  code: z.enum(['procedure_version_changed', 'procedure_not_in_force', 'rejected']),
  message: z.string(),
  cachedVersion: z.number().int().nullable(),
  currentVersion: z.number().int().nullable(),
  currentVersionId: z.uuid().nullable(),
  /** What changed between the cached and the current version (documents, time limit…). */
  changes: z.array(z.string()),
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
