import type { HttpModule } from '../../platform/http/app.ts';
import { resultsRoutes } from './results.routes.ts';

/**
 * Electronic results (Decree 45/2020 Art. 14(3)): the leader's signature on approval, the signed PDF
 * `{code}-KQ{n}` with a per-leader X.509 certificate from a per-province demo CA, and public verification.
 */
export { createAuthority, issueSigner } from './certificates.ts';
export { inspectSignature, signPdf } from './pdf-signature.ts';
export { drawResult } from './result-pdf.ts';
export { signResult } from './sign.service.ts';
export { verifyPdf } from './verify.service.ts';
export { verifyPath } from './results.views.ts';
export { findResultByCode, listResults } from './results.repo.ts';

export const resultsModule: HttpModule = { name: 'results', register: resultsRoutes };
