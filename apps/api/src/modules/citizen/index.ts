import type { HttpModule } from '../../platform/http/app.ts';
import { assistRoutes } from './assist.routes.ts';
import { citizenRoutes } from './citizen.routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { portalRoutes } from './portal.routes.ts';
import { trackRoutes } from './track.routes.ts';

/**
 * The citizen portal: citizen accounts (one-time code by SMS, OpenID Connect), online submission
 * with drafts and resumable uploads, once-only reuse of data already held, assisted filing and
 * public tracking.
 */
export { requireCitizen } from './citizen.access.ts';
export { citizenContact, citizenContactOfDossier, reuseFlagsOf } from './citizen.repo.ts';
export { forgetOtpCode, takeOtpCodeForSms } from './otp.service.ts';
export { nextStepOf } from './track.rules.ts';
export { setVirusScanner, type VirusScanner } from './uploads.service.ts';

export const citizenModule: HttpModule = {
  name: 'citizen',
  register: (app, ctx) => {
    citizenRoutes(app, ctx);
    oidcRoutes(app, ctx);
    portalRoutes(app, ctx);
    assistRoutes(app, ctx);
    trackRoutes(app, ctx);
  },
};
