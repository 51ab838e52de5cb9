import type { AppContext } from '../../platform/context.ts';
import type { HttpModule } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/scheduler.ts';
import { syncPendingPayments } from './payments.notify.ts';
import { reconcileYesterday } from './payments.reconcile.ts';
import { paymentsRoutes } from './payments.routes.ts';

/**
 * Fees and payments: online through the payment gateway (signed redirect and callback), cash at the
 * counter with a numbered receipt, and the daily reconciliation with the gateway.
 */
export { paidOnline } from './payments.facts.ts';

export const paymentsModule: HttpModule = { name: 'payments', register: paymentsRoutes };

/** Periodic jobs: recover pending payments whose callback never came, and reconcile each finished day. */
export function paymentJobs(ctx: AppContext): ScheduledJob[] {
  return [
    { name: 'payments.sync_pending', everyMs: 5 * 60_000, run: () => syncPendingPayments(ctx) },
    { name: 'payments.reconcile', everyMs: 30 * 60_000, run: () => reconcileYesterday(ctx) },
  ];
}
