import type { HttpModule } from '../../platform/http/app.ts';
import { outreachRoutes } from './outreach.routes.ts';

/**
 * Mobile outreach: sessions prepared for places without coverage, dossiers received offline and
 * synced idempotently (official code and deadline from the recorded receipt time), resumable photo
 * uploads checked by SHA-256, version conflicts kept for the officer, and the session report.
 */

export const outreachModule: HttpModule = { name: 'outreach', register: outreachRoutes };
