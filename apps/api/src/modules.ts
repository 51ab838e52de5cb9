import { authModule } from './modules/auth/index.ts';
import { assistantModule } from './modules/assistant/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { catalogModule } from './modules/catalog/index.ts';
import { citizenModule } from './modules/citizen/index.ts';
import { dossierModule, draftApologies } from './modules/dossier/index.ts';
import { feedbackModule } from './modules/feedback/index.ts';
import { formsModule } from './modules/forms/index.ts';
import { interconnectHandlers, interconnectModule } from './modules/interconnect/index.ts';
import { notifyHandlers, notifyModule } from './modules/notify/index.ts';
import { outreachModule } from './modules/outreach/index.ts';
import { paymentJobs, paymentsModule } from './modules/payments/index.ts';
import { queueModule } from './modules/queue/index.ts';
import { refreshReports, reportsModule } from './modules/reports/index.ts';
import { resultsModule } from './modules/results/index.ts';
import { syncHandlers, syncJobs, syncModule } from './modules/sync/index.ts';
import { unitsModule } from './modules/units/index.ts';
import type { AppContext } from './platform/context.ts';
import type { HttpModule } from './platform/http/app.ts';
import type { ScheduledJob } from './platform/jobs/scheduler.ts';
import type { OutboxHandler } from './platform/outbox/worker.ts';

/** Every module's HTTP face, in registration order (auth first: it resolves the actor). */
export const httpModules: HttpModule[] = [authModule, unitsModule, calendarModule, queueModule, catalogModule, dossierModule, interconnectModule, formsModule, resultsModule, citizenModule, notifyModule, syncModule, paymentsModule, feedbackModule, reportsModule, assistantModule, outreachModule];

/** Outbox topic → handler, gathered from the modules that deliver side effects. */
export function outboxHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  return { ...interconnectHandlers(ctx), ...notifyHandlers(ctx), ...syncHandlers(ctx) };
}

/** Periodic jobs, run by the worker (inline in the API process by default). */
export function scheduledJobs(ctx: AppContext): ScheduledJob[] {
  return [{ name: 'dossier.draft_apologies', everyMs: 10 * 60_000, run: () => draftApologies(ctx) },
    { name: 'reports.refresh', everyMs: 30_000, run: () => refreshReports(ctx) }, ...paymentJobs(ctx), ...syncJobs(ctx)];
}
