import type { HttpModule } from '../../platform/http/app.ts';
import { dossierRoutes } from './dossier.routes.ts';

export { statusCodes, type Status as DossierStatus } from './dossier.states.ts';
export { findDossier, findDossierByCode } from './dossier.repo.ts';

export const dossierModule: HttpModule = { name: 'dossier', register: dossierRoutes };
