import type { HttpModule } from '../../platform/http/app.ts';
import { formsRoutes } from './forms.routes.ts';

/**
 * Printable forms (Circular 03/2025/TT-VPCP, Appendix I) drawn from a dossier's timeline, and the
 * PDF toolkit (Vietnamese fonts, flow layout, letterhead, QR codes) the e-results reuse.
 */
export { renderControlSheet } from './control-sheet.ts';
export type { FormEvent, FormSource } from './forms.data.ts';
export { formUrl, publicOrigin } from './forms.routes.ts';
export { renderNotice } from './notices.ts';
export { renderReceipt } from './receipt.ts';
export { applicantLines, letterhead, qrImage, signatures, title } from './pdf/parts.ts';
export { nfc, Sheet, type Layout } from './pdf/sheet.ts';
export { DEFAULT_SPLIT, judgeSteps, plan, type Phase, type Split } from './step-budget.ts';
export { vnDateTime, vnLongDate } from './vn-format.ts';

export const formsModule: HttpModule = { name: 'forms', register: formsRoutes };
