import type { HttpModule } from '../../platform/http/app.ts';
import { assistantRoutes } from './assistant.routes.ts';

/**
 * The procedure assistant: answers citizens' questions from the catalog versions in force (every
 * fact cited), about their own dossier when they prove it is theirs, and pre-checks attached files.
 * Deterministic templates by default; an optional language model only rephrases, and only with
 * citations of what was retrieved.
 */
export { precheck } from './precheck.ts';
export { ask } from './assistant.service.ts';

export const assistantModule: HttpModule = { name: 'assistant', register: assistantRoutes };
