import type { AppContext } from '../../platform/context.ts';
import type { HttpModule } from '../../platform/http/app.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { deliver, EMAIL_TOPIC, fanOutDossierChange, NOTIFY_DOSSIER_TOPIC, SMS_TOPIC } from './notify.service.ts';
import { notifyRoutes } from './notify.routes.ts';

/**
 * Notifications to citizens: at every citizen-relevant dossier event (received, supplement
 * needed, payment due, result ready, late apology), petition answers, queue tickets and sign-in codes; SMS,
 * e-mail and in-app, per language, through the outbox, with the delivery status stored. Also in-app
 * notices to staff (e.g. a sync dead letter), read through the staff inbox.
 */
export { deliveriesOf, idFromKey, notifyInTx, notifyStaffInTx, SMS_TOPIC, EMAIL_TOPIC, NOTIFY_DOSSIER_TOPIC } from './notify.service.ts';
export { render as renderMessage, type TemplateId } from './notify.templates.ts';

export const notifyModule: HttpModule = { name: 'notify', register: notifyRoutes };

export function notifyHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  return {
    [SMS_TOPIC]: (msg) => deliver(ctx, msg, 'sms'),
    [EMAIL_TOPIC]: (msg) => deliver(ctx, msg, 'email'),
    [NOTIFY_DOSSIER_TOPIC]: (msg) => fanOutDossierChange(ctx, msg.payload as { dossierId: string; seq: number; action: string; toState: string }),
  };
}
