import { z } from 'zod';

/** Systems dossier changes are delivered to. */
export const SyncTarget = z.enum(['portal', 'civil_status', 'household_business', 'webhook']);
export type SyncTarget = z.infer<typeof SyncTarget>;

/** One center's sync health on the province dashboard. Lags are change → acknowledgement, last 24 hours. */
export const SyncCenterHealth = z.object({
  centerId: z.uuid(),
  name: z.string(),
  agencyCode: z.string(),
  /** Changes not yet acknowledged (waiting, in flight or being retried). */
  backlog: z.number().int(),
  /** Changes whose last attempt failed and that are waiting to be retried. */
  retrying: z.number().int(),
  /** Changes set aside after a rejection or too many failures: they need the retry button. */
  dead: z.number().int(),
  oldestWaitingSince: z.string().nullable(),
  lastError: z.string().nullable(),
  acked24h: z.number().int(),
  lagP50Ms: z.number().nullable(),
  lagP99Ms: z.number().nullable(),
});
export type SyncCenterHealth = z.infer<typeof SyncCenterHealth>;

export const SyncDashboard = z.object({
  target: SyncTarget,
  generatedAt: z.string(),
  centers: z.array(SyncCenterHealth),
});
export type SyncDashboard = z.infer<typeof SyncDashboard>;

/** A change the target has not taken, with the target's own error. */
export const SyncFailure = z.object({
  messageId: z.uuid(),
  dossierId: z.uuid().nullable(),
  dossierCode: z.string().nullable(),
  centerId: z.uuid().nullable(),
  status: z.enum(['pending', 'processing', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  changedAt: z.string(),
});
export type SyncFailure = z.infer<typeof SyncFailure>;

/**
 * A change set aside (dead letter) that no province admin has acknowledged since it was set aside;
 * the people to tell got an in-app notice (at most one an hour per dossier).
 */
export const SyncDeadLetter = z.object({
  messageId: z.uuid(),
  target: SyncTarget,
  dossierId: z.uuid(),
  dossierCode: z.string(),
  centerId: z.uuid(),
  centerName: z.string(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  deadAt: z.string().nullable(),
});
export type SyncDeadLetter = z.infer<typeof SyncDeadLetter>;

export const SyncRetryResult = z.object({ requeued: z.number().int() });
export type SyncRetryResult = z.infer<typeof SyncRetryResult>;

export const SyncPeriod = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((p) => new Date(p.from) < new Date(p.to), { message: 'from must be before to', path: ['to'] })
  .refine((p) => new Date(p.to).getTime() - new Date(p.from).getTime() <= 366 * 86_400_000, { message: 'at most one year', path: ['to'] });
export type SyncPeriod = z.infer<typeof SyncPeriod>;

export const SyncDifference = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  kind: z.enum(['missing', 'stale', 'mismatch', 'unknown']),
  fields: z.array(z.string()).optional(),
  ours: z.unknown().optional(),
  portal: z.unknown().optional(),
});
export type SyncDifference = z.infer<typeof SyncDifference>;

export const SyncReconciliation = z.object({
  id: z.uuid(),
  from: z.string(),
  to: z.string(),
  ranAt: z.string(),
  checked: z.number().int(),
  differences: z.array(SyncDifference),
});
export type SyncReconciliation = z.infer<typeof SyncReconciliation>;

export const ResyncResult = z.object({ enqueued: z.number().int() });
export type ResyncResult = z.infer<typeof ResyncResult>;

export const WebhookCreate = z.object({
  url: z.url({ protocol: /^https?$/ }).max(500),
  description: z.string().trim().max(200).default(''),
});
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const Webhook = z.object({ id: z.uuid(), url: z.string(), description: z.string(), active: z.boolean(), createdAt: z.string() });
export type Webhook = z.infer<typeof Webhook>;

/** The secret is shown once, when the subscription is created. */
export const WebhookCreated = Webhook.extend({ secret: z.string() });
export type WebhookCreated = z.infer<typeof WebhookCreated>;
