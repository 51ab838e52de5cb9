import type { AppContext } from '../../platform/context.ts';
import type { HttpModule } from '../../platform/http/app.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { INTERCONNECT_TOPIC, type InterconnectSubmission } from '../dossier/index.ts';
import { submitToAgency } from './agency-client.ts';
import { interconnectRoutes } from './interconnect.routes.ts';

export { AGENCY_SECRET_HEADER } from './interconnect.routes.ts';

/** Interconnected procedures: delivery to police / social insurance and their callbacks. */
export const interconnectModule: HttpModule = { name: 'interconnect', register: interconnectRoutes };

export function interconnectHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  return {
    [INTERCONNECT_TOPIC]: async (msg) => {
      if (!ctx.config.agencyUrl) throw new Error('MOTCUA_AGENCY_URL is not set: no interconnect gateway to deliver to');
      const origin = ctx.config.publicOrigin ?? `http://127.0.0.1:${ctx.config.port}`;
      const s = msg.payload as InterconnectSubmission;
      await submitToAgency(s, { agencyUrl: ctx.config.agencyUrl, callbackUrl: `${origin}/api/v1/interconnect/agencies/${s.agency}/callbacks` });
    },
  };
}
