import type { AppContext } from '../../platform/context.ts';
import type { HttpModule } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/scheduler.ts';
import { batchHandler, type OutboxHandler } from '../../platform/outbox/worker.ts';
import { PORTAL_SYNC_TOPIC } from '../dossier/index.ts';
import { targetTopics } from './dashboard.repo.ts';
import { DEAD_LETTER_ALERT_TOPIC, deadLetterAlertHandler } from './dead-letters.service.ts';
import { sectorHandler, webhookHandler } from './partners.handler.ts';
import { portalHandler } from './portal.handler.ts';
import { registerSyncMetrics } from './sync.metrics.ts';
import { syncRoutes } from './sync.routes.ts';
import { reconcileRecent } from './sync.service.ts';

/**
 * Sync with the National Public Service Portal and partner systems: every portal-relevant dossier
 * change goes through the outbox to the portal adapter (ordered per dossier, idempotent), results to
 * the sector systems, events to integrators' webhooks; a dashboard, reconciliation and metrics; an
 * in-app alert to the people responsible when a change is set aside (dead letter).
 *
 * For reports: `sync_state` (sync.tables.ts) holds, per dossier, the last change the portal
 * acknowledged; `portalSyncOf` answers "synced to portal" for a list of dossiers.
 */
export { portalSyncOf, type PortalSync } from './sync-state.repo.ts';
export { syncState } from './sync.tables.ts';
export { webhookSignature } from './partners.handler.ts';

export const syncModule: HttpModule = {
  name: 'sync',
  register: (app, ctx) => {
    syncRoutes(app, ctx);
    registerSyncMetrics(app.metrics, ctx);
  },
};

export function syncHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  return {
    [PORTAL_SYNC_TOPIC]: batchHandler(portalHandler(ctx)),
    [targetTopics.civil_status]: sectorHandler(ctx, 'civil_status'),
    [targetTopics.household_business]: sectorHandler(ctx, 'household_business'),
    [targetTopics.webhook]: webhookHandler(ctx),
    [DEAD_LETTER_ALERT_TOPIC]: deadLetterAlertHandler(ctx),
  };
}

/** Reconciliation with the portal every six hours (the last two days of changes). */
export function syncJobs(ctx: AppContext): ScheduledJob[] {
  return [{ name: 'sync.reconcile', everyMs: 6 * 3_600_000, run: () => reconcileRecent(ctx) }];
}
