import type { HttpModule } from '../../platform/http/app.ts';
import { dossierRoutes } from './dossier.routes.ts';

/**
 * Dossiers: intake, the status table, actions and the hash-chained timeline. Other modules
 * (forms, results, portal sync, reporting) read dossiers and act on them only through these.
 */
export { act, type ActOptions } from './dossier.act.ts';
export { canRead, canWork, visibleOr404 } from './dossier.access.ts';
export { channelLimit, intakeAtCounter, type IntakeOptions } from './dossier.intake.ts';
export { attachFile } from './dossier.files.ts';
export { FEE_PAYABLE_STATUSES, settleFeeInTx, type FeeSettled, type FeeSettlement } from './dossier.fees.ts';
export { applyExternalOutcome, INTERCONNECT_TOPIC, type InterconnectSubmission } from './dossier.bundle-flow.ts';
export { bundles, type ExternalAgency } from './dossier.bundles.ts';
export { findDossier, findDossierByCode, listEvents, type DossierRow } from './dossier.repo.ts';
export { allStates, decide, statusCodes, transitions, type Action as DossierActionName, type State as DossierState, type Status as DossierStatus } from './dossier.states.ts';
export { auditChains, type ChainAudit, type ChainBreak } from './dossier.audit.ts';
export { readTimeline } from './dossier.timeline.ts';
export { findDossierBySecondFactor, trackingSecretOf, TRACKING_MAX_FAILURES } from './dossier.tracking.ts';
export { onlineFee, submitOnline, type OnlineSubmission } from './dossier.online.ts';
export { draftApologies } from './dossier.risk.ts';
export { PORTAL_SYNC_TOPIC, type DossierChange } from './dossier.events.ts';
export { attachStoredFilesInTx, recordNoteInTx, type StoredFile } from './dossier.notes.ts';
export { toView } from './dossier.views.ts';

export const dossierModule: HttpModule = { name: 'dossier', register: dossierRoutes };
