import type { HttpModule } from '../../platform/http/app.ts';
import { feedbackRoutes } from './feedback.routes.ts';

/**
 * Voice of the citizen: ratings of returned dossiers (online, at the counter or the kiosk) and
 * petitions (PAKN) with their legal deadlines and public answers. The scoring reads the facts below.
 */
export { dislikedDossiers, petitionedDossiers, petitionFacts, petitionsForReports, ratingFacts, ratingsOf, type PetitionFacts, type PetitionForReports, type RatingFacts } from './feedback.facts.ts';
export { PETITION_LIMITS, petitionDeadlines } from './petition.rules.ts';

export const feedbackModule: HttpModule = { name: 'feedback', register: feedbackRoutes };
