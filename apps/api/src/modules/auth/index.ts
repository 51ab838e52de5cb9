import type { HttpModule } from '../../platform/http/app.ts';
import { authRoutes } from './auth.routes.ts';

export { hashPassword } from './password.ts';
export { findStaff, listProvinceAdmins, listStaff, userNames } from './auth.repo.ts';
export { ensureCitizenUser, openSession, renameCitizenUser } from './auth.citizen.ts';
export { setSessionCookie } from './auth.routes.ts';
export type { ClientInfo } from './auth.service.ts';

/** Registers the session hook, so it must come before the modules whose routes need an actor. */
export const authModule: HttpModule = { name: 'auth', register: authRoutes };
