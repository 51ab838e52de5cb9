import type { HttpModule } from '../../platform/http/app.ts';
import { unitsRoutes } from './units.routes.ts';

export { canSeeCenter, centerScope, type CenterScope } from './units.policy.ts';
export { findCenter, findCenters, findProvince, listServiceGroups, readNoAppointmentPolicy, type NoAppointmentPolicy } from './units.repo.ts';

export const unitsModule: HttpModule = { name: 'units', register: unitsRoutes };
